using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>The SDK's MCP client on one front end for one API key (and, for a gateway tenant, its HaloPSA headers).</summary>
internal sealed class FrontEndClient : IAsyncDisposable
{
    /// <summary>How long a caller waits for any answer: a call still open then has hung.</summary>
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(60);

    private readonly McpClient _client;

    private FrontEndClient(McpClient client) => _client = client;

    public static async Task<FrontEndClient> ConnectAsync(Uri baseUrl, string apiKey, IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Authorization"] = "Bearer " + apiKey };
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseUrl, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = all,
        });
        using var timeout = new CancellationTokenSource(CallDeadline);
        return new FrontEndClient(await McpClient.CreateAsync(transport, cancellationToken: timeout.Token));
    }

    /// <summary>Calls <paramref name="tool"/>; whatever happens, returns how it ended (never throws, never waits past the deadline).</summary>
    public async Task<ToolOutcome> CallAsync(string tool, Dictionary<string, object?> arguments)
    {
        var started = DateTimeOffset.UtcNow;
        using var deadline = new CancellationTokenSource(CallDeadline);
        try
        {
            var result = await _client.CallToolAsync(tool, arguments, cancellationToken: deadline.Token);
            var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(b => b.Text));
            return result.IsError == true
                ? new ToolOutcome(tool, started, DateTimeOffset.UtcNow, null, text, null)
                : new ToolOutcome(tool, started, DateTimeOffset.UtcNow, result.StructuredContent ?? JsonDocument.Parse("{}").RootElement, null, null);
        }
        catch (Exception ex)
        {
            return new ToolOutcome(tool, started, DateTimeOffset.UtcNow, null, null, ex);
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
