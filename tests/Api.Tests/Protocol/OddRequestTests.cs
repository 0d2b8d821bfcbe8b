using System.Net;
using HaloMcp.Api.Tests.Support;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tests.Protocol;

/// <summary>
/// A sweep of odd but well-formed-enough requests: none is answered with HTTP 500 or an empty body, and none leaves an
/// error or a stack trace in the log.
/// </summary>
public sealed class OddRequestTests : HttpServerTest
{
    public static TheoryData<string> Bodies() =>
    [
        """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":"x"}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"cursor":5}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":[]}}""",
        """{"jsonrpc":"2.0","id":1,"method":"ping","params":[1]}""",
        """{"jsonrpc":"2.0","id":1,"method":"resources/list"}""",
        """{"jsonrpc":"2.0","id":1,"method":"prompts/get","params":{"name":"x"}}""",
        """{"jsonrpc":"2.0","id":1,"method":"logging/setLevel","params":{"level":5}}""",
        """{"jsonrpc":"2.0","id":1,"method":"no/such/method"}""",
        """{"jsonrpc":"2.0","id":null,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":{"a":1},"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":1.5,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","id":1,"method":5}""",
        """{"jsonrpc":"1.0","id":1,"method":"tools/list"}""",
        """{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":{"x":1}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_tenant_data","arguments":{"sequence":"seven"}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test_tenant_data","arguments":{"sequence":1e400}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_get_ticket","arguments":{"ticket_id":99999999999999999999}}}""",
        """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"halopsa_get_ticket","arguments":null}}""",
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":[],"clientInfo":{"name":"c","version":"1"}}}""",
        "",
        "null",
        "42",
        "{}",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task An_odd_request_gets_a_clear_answer_and_leaves_no_error_in_the_log(string body)
    {
        using var response = await Http.SendAsync(RawMcp.Post(body));

        var text = await response.Content.ReadAsStringAsync();
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted || text.Length > 0, $"{(int)response.StatusCode} with an empty body");
        Assert.DoesNotContain("An error occurred", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Logs.Lines, l => l.Level >= LogLevel.Error || l.Exception is not null);
    }
}
