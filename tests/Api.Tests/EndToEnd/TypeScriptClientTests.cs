using System.Text.Json;
using HaloMcp.Api.Tests.Support;
using HaloMcp.HaloSim;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The official MCP TypeScript SDK client (npm <c>@modelcontextprotocol/sdk</c>, run by node) against the server and
/// the simulator: it lists the tools and calls a read and a write over Streamable HTTP with the key. That client
/// validates every structured result against the tool's outputSchema, as official clients do.
/// </summary>
public sealed class TypeScriptClientTests : IAsyncLifetime
{
    private EndToEndHost _host = null!;

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_typescript_sdk_client_lists_the_tools_and_calls_a_read_and_a_write()
    {
        var clientId = _host.Alpha.Data.All(SimEntityKind.Client).First().Int("id");
        var ticketsBefore = _host.Alpha.Data.Count(SimEntityKind.Ticket);

        using var report = await RunClientAsync(_host.McpUrl.ToString(), EndToEndHost.AlphaKey, clientId);

        var root = report.RootElement;
        Assert.Equal("2025-11-25", root.GetProperty("protocolVersion").GetString());
        var tools = root.GetProperty("tools").EnumerateArray().Select(t => t.GetString()!).ToHashSet();
        Assert.Equal([.. ToolCatalogueTests.ToolsMd.Append("halopsa_get_connection").Order()], tools.Order());
        Assert.Equal(tools.Count, root.GetProperty("toolsWithOutputSchema").GetInt32());
        Assert.Equal("alpha", root.GetProperty("connection").GetProperty("tenant_id").GetString());

        var read = root.GetProperty("read");
        Assert.False(read.GetProperty("isError").GetBoolean());
        Assert.Equal(5, read.GetProperty("structured").GetProperty("id").GetInt32());
        Assert.Equal(_host.Alpha.Data.Get(SimEntityKind.Ticket, 5)!.Str("summary"), read.GetProperty("structured").GetProperty("summary").GetString());

        var write = root.GetProperty("write");
        Assert.False(write.GetProperty("isError").GetBoolean());
        var summary = write.GetProperty("summary").GetString();
        var created = Assert.Single(_host.Alpha.Data.Where(SimEntityKind.Ticket, t => t.Str("summary") == summary));
        Assert.Equal(created.Int("id"), write.GetProperty("structured").GetProperty("id").GetInt32());
        Assert.Equal(clientId, created.Int("client_id"));
        Assert.Equal(ticketsBefore + 1, _host.Alpha.Data.Count(SimEntityKind.Ticket));

        var refused = root.GetProperty("refused");
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("'ticket_id'", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("401", root.GetProperty("wrongKey").GetString(), StringComparison.Ordinal);
    }

    private static Task<JsonDocument> RunClientAsync(string url, string apiKey, int clientId) =>
        TypeScriptClients.RunAsync("client.mjs", url, apiKey, clientId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
