using System.Net;
using System.Text.Json;
using HaloMcp.Api.Tests.Support;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tests.Protocol;

/// <summary>
/// Requests no well-behaved client sends: each gets a JSON-RPC error that names the problem (-32602 for bad params),
/// never HTTP 500, an empty body or "An error occurred.", and each is logged once as a warning, without a stack trace.
/// </summary>
public sealed class MalformedRequestTests : HttpServerTest
{
    public static TheoryData<string, string> MalformedInitialize => new()
    {
        { "{}", "protocolVersion" },
        { "\"x\"", "params must be an object" },
        { "[1]", "params must be an object" },
        { """{"protocolVersion":5,"capabilities":{},"clientInfo":{"name":"c","version":"1"}}""", "protocolVersion" },
        { """{"protocolVersion":"2025-11-25","clientInfo":{"name":"c","version":"1"}}""", "capabilities" },
        { """{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":3}}""", "clientInfo.name" },
    };

    [Theory]
    [MemberData(nameof(MalformedInitialize))]
    public async Task Initialize_with_malformed_params_is_a_32602_naming_the_problem(string parameters, string named)
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":""" + parameters + "}";

        var error = await JsonRpcErrorOf(RawMcp.Post(body, version: null));

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLoggedOnceWithoutStackTrace(named);
    }

    public static TheoryData<string, string> MalformedCalls => new()
    {
        { """{"name":"test_tenant_data","arguments":[1,2]}""", "'arguments' must be an object" },
        { """{"name":"test_tenant_data","arguments":"sequence=1"}""", "'arguments' must be an object" },
        { """{"name":"test_tenant_data","arguments":7}""", "'arguments' must be an object" },
        { """{"arguments":{"sequence":1}}""", "'name'" },
        { """{"name":42,"arguments":{}}""", "'name'" },
        { """{"name":"test_tenant_data","arguments":{"sequence":1,"note":"\ud800"}}""", "unpaired surrogate" },
        { """{"name":"test_tenant_data","arguments":{"sequence":1,"sequence":2}}""", "appears twice" },
        { """{"name":"test_tenant_data","_meta":{"progressToken":{"a":1}}}""", "progressToken" },
    };

    [Fact]
    public async Task A_tool_call_without_params_is_a_32602()
    {
        var error = await JsonRpcErrorOf(RawMcp.Post("""{"jsonrpc":"2.0","id":4,"method":"tools/call"}"""));

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("the tool's name", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedCalls))]
    public async Task Wrong_shaped_tool_calls_are_a_32602_naming_the_problem(string parameters, string named)
    {
        var body = """{"jsonrpc":"2.0","id":"call-1","method":"tools/call","params":""" + parameters + "}";

        var error = await JsonRpcErrorOf(RawMcp.Post(body));

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains(named, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("An error occurred", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLoggedOnceWithoutStackTrace(named);
    }

    [Fact]
    public async Task An_unknown_tool_is_a_32602_logged_as_a_warning_without_a_stack_trace()
    {
        var error = await JsonRpcErrorOf(RawMcp.Post("""{"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"no_such_tool","arguments":{}}}"""));

        Assert.Equal(-32602, error.GetProperty("code").GetInt32());
        Assert.Contains("no_such_tool", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        AssertLoggedOnceWithoutStackTrace("no_such_tool");
    }

    [Fact]
    public async Task A_key_given_twice_outside_params_is_an_invalid_request()
    {
        using var response = await Http.SendAsync(RawMcp.Post("""{"jsonrpc":"2.0","id":1,"id":2,"method":"tools/list"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await RawMcp.ErrorOf(response);
        Assert.Equal(-32600, error.GetProperty("code").GetInt32());
        Assert.Contains("appears twice", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A refused request is answered with one JSON-RPC error as plain JSON (HTTP 200: the request itself was delivered).</summary>
    private async Task<JsonElement> JsonRpcErrorOf(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("error").Clone();
    }

    private void AssertLoggedOnceWithoutStackTrace(string named)
    {
        // The co-hosted silo's own start-up notes and watchdog are warnings of Orleans, not of this request.
        var warning = Assert.Single(Server.Logs.Lines, l => l.Level == LogLevel.Warning && !l.Category.StartsWith("Orleans.", StringComparison.Ordinal));
        Assert.Contains(named, warning.Message, StringComparison.Ordinal);
        Assert.All(Server.Logs.Lines, l => Assert.Null(l.Exception));
        Assert.DoesNotContain(Server.Logs.Lines, l => l.Level >= LogLevel.Error);
    }
}
