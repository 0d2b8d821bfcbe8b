using System.Text.Json;
using HaloMcp.Api.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Tests.Protocol;

public sealed class StreamableHttpTests : IAsyncLifetime
{
    private McpTestServer _server = null!;

    public async Task InitializeAsync() => _server = await McpTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    [InlineData(null)]
    public async Task Lists_and_calls_tools_over_each_protocol_version(string? version)
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey, version);

        var tools = await client.ListToolsAsync();
        var result = await client.CallToolAsync("test_tenant_data", new Dictionary<string, object?> { ["sequence"] = 7 });

        Assert.Equal(version ?? "2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Contains(tools, t => t.Name == "test_tenant_data");
        Assert.Contains(tools, t => t.Name == "halopsa_get_connection");
        Assert.NotEqual(true, result.IsError);
        Assert.Equal("acme|data-of-acme|7", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task DI_parameters_are_not_published_as_arguments()
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey);

        var tool = (await client.ListToolsAsync()).Single(t => t.Name == "test_tenant_data");

        var properties = tool.ProtocolTool.InputSchema.GetProperty("properties");
        Assert.True(properties.TryGetProperty("sequence", out _));
        Assert.Single(properties.EnumerateObject());
    }

    [Fact]
    public async Task Connection_tool_describes_the_callers_tenant_with_annotations_and_no_secret()
    {
        await using var client = await _server.ConnectAsync(TenantFile.GlobexKey);

        var tool = (await client.ListToolsAsync()).Single(t => t.Name == "halopsa_get_connection");
        var result = await client.CallToolAsync("halopsa_get_connection");

        Assert.Equal(true, tool.ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.Equal(false, tool.ProtocolTool.Annotations?.OpenWorldHint);
        Assert.Equal("Show the HaloPSA connection", tool.ProtocolTool.Title);
        Assert.NotNull(tool.ProtocolTool.OutputSchema);
        var structured = result.StructuredContent!.Value;

        // Globex has no hosted tenant name: the property is left out, and the schema must allow that.
        Assert.False(structured.TryGetProperty("halo_tenant", out _));
        OutputSchemaAssert.Valid(tool.Name, tool.ProtocolTool.OutputSchema.Value, structured);
        Assert.Equal("globex", structured.GetProperty("tenant_id").GetString());
        Assert.Equal("https://globex.example.com", structured.GetProperty("halo_url").GetString());
        Assert.Equal("globex-client", structured.GetProperty("client_id").GetString());
        Assert.Equal(500, structured.GetProperty("budget_requests").GetInt32());
        Assert.Equal(180, structured.GetProperty("budget_window_seconds").GetInt32());
        Assert.DoesNotContain(TenantFile.GlobexSecret, JsonSerializer.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_errors_become_isError_results_with_their_message()
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey);

        var result = await client.CallToolAsync("test_tool_error");

        Assert.True(result.IsError);
        Assert.Equal("Argument 'sequence' must be positive.", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }

    [Fact]
    public async Task Unexpected_errors_are_logged_in_full_and_answered_generically()
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey);

        var result = await client.CallToolAsync("test_unexpected_error");

        Assert.True(result.IsError);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.DoesNotContain("internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.Contains("a write may or may not have been applied", text, StringComparison.Ordinal);
        var reference = text.Split("reference ")[1].Split(';')[0];
        var logged = Assert.Single(_server.Logs.Lines, l => l.EventId.Id == 1100);
        Assert.Contains(reference, logged.Message, StringComparison.Ordinal);
        Assert.Contains("internal detail", logged.Exception, StringComparison.Ordinal);
        Assert.Equal("acme", logged.TenantId);
    }

    [Fact]
    public async Task Unknown_tool_is_a_protocol_error()
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey);

        var error = await Assert.ThrowsAsync<McpProtocolException>(async () => await client.CallToolAsync("no_such_tool"));

        Assert.Contains("no_such_tool", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_lines_written_inside_a_request_carry_the_tenant_id()
    {
        await using var acme = await _server.ConnectAsync(TenantFile.AcmeKey);
        await using var globex = await _server.ConnectAsync(TenantFile.GlobexKey);

        await acme.CallToolAsync("test_tenant_data", new Dictionary<string, object?> { ["sequence"] = 101 });
        await globex.CallToolAsync("test_tenant_data", new Dictionary<string, object?> { ["sequence"] = 202 });

        Assert.Equal("acme", Assert.Single(_server.Logs.Lines, l => l.Message == "Serving tenant data #101").TenantId);
        Assert.Equal("globex", Assert.Single(_server.Logs.Lines, l => l.Message == "Serving tenant data #202").TenantId);
    }

    [Fact]
    public async Task Client_disconnect_cancels_the_tools_token()
    {
        await using var client = await _server.ConnectAsync(TenantFile.AcmeKey);
        using var cts = new CancellationTokenSource();

        var call = client.CallToolAsync("test_wait_for_cancel", cancellationToken: cts.Token).AsTask();
        await _server.Probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();

        await _server.Probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
