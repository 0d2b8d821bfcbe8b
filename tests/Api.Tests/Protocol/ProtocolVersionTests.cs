using System.Net;
using HaloMcp.Api.Tests.Support;

namespace HaloMcp.Api.Tests.Protocol;

/// <summary>
/// The served revisions are the same everywhere: a revision refused in the <c>MCP-Protocol-Version</c> header is not
/// agreed to in <c>initialize</c> either (the server answers with one it serves, as the spec's negotiation says), and
/// one agreed to in <c>initialize</c> is accepted in the header.
/// </summary>
public sealed class ProtocolVersionTests : HttpServerTest
{
    private static readonly string[] Served = ["2026-07-28", "2025-11-25", "2025-06-18"];

    [Theory]
    [InlineData("2025-03-26")]
    [InlineData("2024-11-05")]
    [InlineData("2099-01-01")]
    public async Task A_revision_not_served_is_refused_in_the_header_and_not_agreed_to_in_initialize(string revision)
    {
        using var header = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools, version: revision));
        var negotiated = await NegotiatedAsync(revision);

        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        var error = await RawMcp.ErrorOf(header);
        Assert.Equal(-32022, error.GetProperty("code").GetInt32());
        Assert.Equal(Served, error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(v => v.GetString()!));
        Assert.Equal("2025-11-25", negotiated);
        Assert.Contains(negotiated, Served);
    }

    [Theory]
    [InlineData("2025-11-25")]
    [InlineData("2025-06-18")]
    public async Task A_served_handshake_revision_is_agreed_to_in_initialize_and_accepted_in_the_header(string revision)
    {
        var negotiated = await NegotiatedAsync(revision);
        using var header = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools, version: negotiated));

        Assert.Equal(revision, negotiated);
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
    }

    private async Task<string> NegotiatedAsync(string revision)
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":""" + "\"" + revision + "\"" +
            ""","capabilities":{},"clientInfo":{"name":"raw","version":"1"}}}""";
        using var response = await Http.SendAsync(RawMcp.Post(body, version: null));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await RawMcp.SseMessages(response));
        return message.GetProperty("result").GetProperty("protocolVersion").GetString()!;
    }
}
