using System.Net;
using System.Text;
using HaloMcp.Api.Tests.Support;

namespace HaloMcp.Api.Tests.Protocol;

public sealed class HttpGuardTests : HttpServerTest
{
    protected override Task<McpTestServer> StartServerAsync() =>
        McpTestServer.StartAsync(null, "--Mcp:MaxRequestBodyBytes=4096", "--Mcp:AllowedOrigins:0=https://app.example.com");

    [Fact]
    public async Task A_well_formed_request_is_answered_over_SSE()
    {
        using var response = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var message = Assert.Single(await RawMcp.SseMessages(response));
        Assert.True(message.GetProperty("result").GetProperty("tools").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_notification_is_accepted_with_202()
    {
        using var response = await Http.SendAsync(RawMcp.Post("""{"jsonrpc":"2.0","method":"notifications/initialized"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.net")]
    [InlineData("null")]
    [InlineData("http://127.0.0.1.evil.example.net")]
    public async Task Foreign_origin_is_forbidden(string origin)
    {
        var request = RawMcp.Post(RawMcp.ListTools);
        request.Headers.Add("Origin", origin);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:6274")]
    [InlineData("http://127.0.0.1:3000")]
    [InlineData("https://app.example.com")]
    public async Task Loopback_and_configured_origins_are_allowed(string origin)
    {
        var request = RawMcp.Post(RawMcp.ListTools);
        request.Headers.Add("Origin", origin);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_rejected_with_413()
    {
        var padding = new string('x', 8000);
        using var response = await Http.SendAsync(RawMcp.Post(Padded(padding)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Oversized_chunked_body_without_length_is_rejected_with_413()
    {
        var request = RawMcp.Post(string.Empty);
        var padding = new string('x', 8000);
        request.Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Padded(padding))));
        request.Headers.TransferEncodingChunked = true;

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unsupported_protocol_version_gets_400_with_the_supported_list()
    {
        using var response = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools, version: "2024-01-01"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await RawMcp.ErrorOf(response);
        Assert.Equal(-32022, error.GetProperty("code").GetInt32());
        var supported = error.GetProperty("data").GetProperty("supported").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal<string[]>(["2026-07-28", "2025-11-25", "2025-06-18"], supported);
        Assert.Equal("2024-01-01", error.GetProperty("data").GetProperty("requested").GetString());
    }

    [Fact]
    public async Task Missing_protocol_version_header_is_served_as_the_spec_assumes()
    {
        using var response = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools, version: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Batch_is_rejected_with_400()
    {
        using var response = await Http.SendAsync(RawMcp.Post($"[{RawMcp.ListTools},{RawMcp.ListTools}]"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32600, (await RawMcp.ErrorOf(response)).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",", -32700)]
    [InlineData("{\"hello\":1}", -32600)]
    public async Task Malformed_body_is_rejected_with_400(string body, int code)
    {
        using var response = await Http.SendAsync(RawMcp.Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await RawMcp.ErrorOf(response)).GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/event-stream")]
    [InlineData("text/html")]
    public async Task Wrong_accept_is_rejected_with_406(string accept)
    {
        using var response = await Http.SendAsync(RawMcp.Post(RawMcp.ListTools, accept: accept));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Get_and_delete_are_not_allowed_when_stateless(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/mcp");
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Unknown_host_header_is_rejected()
    {
        var request = RawMcp.Post(RawMcp.ListTools);
        request.Headers.Host = "attacker.example.net";

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task July2026_method_header_must_match_the_body()
    {
        var request = RawMcp.Post(DiscoverOrCall("tools/list"), version: "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/call");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32020, (await RawMcp.ErrorOf(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task July2026_name_header_must_match_the_tool()
    {
        var request = RawMcp.Post(DiscoverOrCall("tools/call", "test_tenant_data"), version: "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/call");
        request.Headers.Add("Mcp-Name", "halopsa_get_connection");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32020, (await RawMcp.ErrorOf(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task July2026_missing_method_header_is_a_mismatch()
    {
        using var response = await Http.SendAsync(RawMcp.Post(DiscoverOrCall("tools/list"), version: "2026-07-28"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(-32020, (await RawMcp.ErrorOf(response)).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task July2026_matching_headers_are_served()
    {
        var request = RawMcp.Post(DiscoverOrCall("tools/call", "halopsa_get_connection"), version: "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/call");
        request.Headers.Add("Mcp-Name", "halopsa_get_connection");

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await RawMcp.SseMessages(response));
        Assert.Equal("acme", message.GetProperty("result").GetProperty("structuredContent").GetProperty("tenant_id").GetString());
    }

    private static string Padded(string padding) =>
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"_meta\":{\"pad\":\"" + padding + "\"}}}";

    private static string DiscoverOrCall(string method, string? tool = null)
    {
        const string meta = """
            "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"raw","version":"1"}}
            """;
        var name = tool is null ? string.Empty : "\"name\":\"" + tool + "\",\"arguments\":{},";
        return "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"" + method + "\",\"params\":{" + name + meta + "}}";
    }
}
