using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// MCP tools/call over Streamable HTTP with a raw <see cref="HttpClient"/>: stateless, so no initialize, and with
/// prebuilt bodies the generator stays cheap beside the server.
/// </summary>
internal sealed class McpCaller : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly Uri _url;
    private long _id;

    public McpCaller(Uri url, string apiKey, int connections)
    {
        _url = url;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = connections,
            UseProxy = false,
        })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        _http.DefaultRequestHeaders.Add("MCP-Protocol-Version", "2025-11-25");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public static byte[] Body(string tool, JsonObject? arguments, long id = 1) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = "tools/call",
            ["params"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() },
        }.ToJsonString());

    /// <summary>Sends a prebuilt body; true when the answer is a successful tool result. For load loops.</summary>
    public async Task<bool> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_url, content, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode && bytes.AsSpan().IndexOf("\"result\""u8) >= 0 && bytes.AsSpan().IndexOf("\"isError\":true"u8) < 0;
    }

    /// <summary>Sends a prebuilt body with another tenant's key; true on a successful tool result.</summary>
    public async Task<bool> SendAsAsync(byte[] body, string apiKey, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode && bytes.AsSpan().IndexOf("\"result\""u8) >= 0 && bytes.AsSpan().IndexOf("\"isError\":true"u8) < 0;
    }

    public async Task<McpReply> CallAsync(string tool, JsonObject? arguments, CancellationToken cancellationToken)
    {
        var body = Body(tool, arguments, Interlocked.Increment(ref _id));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        var started = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(_url, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return Parse((int)response.StatusCode, text, elapsed);
    }

    /// <summary>The <c>tools/list</c> answer: its JSON-RPC message's UTF-8 bytes (the SSE <c>data:</c> payload) and its tools.</summary>
    public async Task<(int MessageBytes, int Tools, int WithOutputSchema)> ListToolsAsync(CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = "tools/list",
            ["params"] = new JsonObject(),
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var response = await _http.PostAsync(_url, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var data = text.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.StartsWith("data:", StringComparison.Ordinal))[5..].Trim();
        var tools = JsonNode.Parse(data)!["result"]!["tools"]!.AsArray();
        return (Encoding.UTF8.GetByteCount(data), tools.Count, tools.Count(t => t?["outputSchema"] is not null));
    }

    public void Dispose() => _http.Dispose();

    private static McpReply Parse(int status, string body, double elapsed)
    {
        var data = body.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("data:", StringComparison.Ordinal))?[5..].Trim()
            ?? body.Trim();
        JsonNode? message;
        try
        {
            message = JsonNode.Parse(data);
        }
        catch (System.Text.Json.JsonException)
        {
            return new McpReply(status, Encoding.UTF8.GetByteCount(data), 0, 0, elapsed, true, $"HTTP {status}: {Truncate(body)}", null);
        }

        var messageBytes = Encoding.UTF8.GetByteCount(data);
        if (message?["error"] is { } error)
        {
            return new McpReply(status, messageBytes, 0, 0, elapsed, true, (string?)error["message"] ?? error.ToJsonString(), null);
        }

        var result = message?["result"];
        if (result is null)
        {
            return new McpReply(status, messageBytes, 0, 0, elapsed, true, $"HTTP {status}: {Truncate(body)}", null);
        }

        var texts = result["content"]?.AsArray().Select(c => (string?)c?["text"] ?? "").ToList() ?? [];
        var structured = result["structuredContent"];
        return new McpReply(
            status,
            messageBytes,
            structured is null ? 0 : Encoding.UTF8.GetByteCount(structured.ToJsonString()),
            texts.Sum(Encoding.UTF8.GetByteCount),
            elapsed,
            (bool?)result["isError"] ?? false,
            string.Join('\n', texts),
            structured);
    }

    private static string Truncate(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
