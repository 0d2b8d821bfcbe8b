using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace HaloMcp.Api.Tests.Support;

/// <summary>Hand-built Streamable HTTP requests, for the cases a well-behaved client never sends.</summary>
public static class RawMcp
{
    public const string ListTools = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""";

    public static HttpRequestMessage Post(string body, string? apiKey = TenantFile.AcmeKey, string? version = "2025-11-25", string accept = "application/json, text/event-stream")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        if (version is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", version);
        }

        return request;
    }

    /// <summary>The JSON-RPC error of a plain JSON error response.</summary>
    public static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").Clone();
    }

    /// <summary>The JSON-RPC messages carried in an SSE response body.</summary>
    public static async Task<IReadOnlyList<JsonElement>> SseMessages(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return [.. body.Split('\n')
            .Where(l => l.StartsWith("data:", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l["data:".Length..]).RootElement.Clone())];
    }
}
