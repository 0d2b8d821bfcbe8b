using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tests.EndToEnd;

namespace HaloMcp.Api.Tests.Protocol;

/// <summary>
/// What every conversation pays before its first call: the whole catalogue's <c>tools/list</c>, with titles,
/// annotations and input and output schemas, within 25 KB; and input schemas the argument validator enforces in full.
/// </summary>
public sealed class ToolListSizeTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    /// <summary>25 KB (25,000 bytes): about 6,000 tokens for 36 tools; it was 55.9 KB before the SDK move.</summary>
    public const int MaxToolsListBytes = 25_000;

    [Fact]
    public async Task The_catalogues_tools_list_answer_is_at_most_25_KB()
    {
        var message = await ToolsListMessageAsync(fixture.Host.McpUrl);

        var tools = JsonDocument.Parse(message).RootElement.GetProperty("result").GetProperty("tools");
        Assert.Equal(36, tools.GetArrayLength());
        Assert.All(tools.EnumerateArray(), t => Assert.True(t.TryGetProperty("outputSchema", out _), t.GetProperty("name").GetString()));
        Assert.True(message.Length <= MaxToolsListBytes, $"tools/list is {message.Length:N0} bytes, more than {MaxToolsListBytes:N0}");
    }

    [Fact]
    public async Task Every_input_schema_uses_only_rules_the_validator_enforces()
    {
        var tools = await fixture.Client.ListToolsAsync();

        foreach (var tool in tools)
        {
            var schema = tool.ProtocolTool.InputSchema;
            Assert.Empty(ArgumentValidator.UnknownKeywords(schema));
            if (!schema.TryGetProperty("properties", out var properties))
            {
                // A tool without arguments publishes no empty properties.
                continue;
            }

            foreach (var argument in properties.EnumerateObject())
            {
                Assert.True(argument.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String, $"{tool.Name}.{argument.Name} must have one type");
            }

            // A date argument says what the validator takes.
            Assert.All(properties.EnumerateObject().Where(a => a.Name.StartsWith("date_", StringComparison.Ordinal)),
                a => Assert.Equal("date-time", a.Value.GetProperty("format").GetString()));
        }
    }

    /// <summary>The bytes of the JSON-RPC answer to tools/list (the SSE event's data), as a client receives it.</summary>
    public static Task<string> ToolsListMessageAsync(Uri mcpUrl) => MessageAsync(mcpUrl, """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""");

    /// <summary>The JSON-RPC answer to one tools/call (the SSE event's data), as a client receives it.</summary>
    public static Task<string> CallMessageAsync(Uri mcpUrl, string tool, string arguments) =>
        MessageAsync(mcpUrl, $$$"""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"{{{tool}}}","arguments":{{{arguments}}}}}""");

    private static async Task<string> MessageAsync(Uri mcpUrl, string message)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, mcpUrl)
        {
            Content = new StringContent(message, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", EndToEndHost.AlphaKey);
        request.Headers.TryAddWithoutValidation("Accept", "application/json, text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        return body.Split('\n').Single(l => l.StartsWith("data:", StringComparison.Ordinal))["data:".Length..].Trim();
    }
}
