using System.Globalization;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// Writes through MCP are never silently repeated: identical creates are answered once, ambiguous failures surface
/// instead of being retried, and a 429 (provably not processed) is reported with when to retry.
/// </summary>
public sealed class WriteSafetyTests : IAsyncLifetime
{
    private EndToEndHost _host = null!;
    private ModelContextProtocol.Client.McpClient _client = null!;

    private SimInstance Sim => _host.Alpha;

    public async Task InitializeAsync()
    {
        _host = await EndToEndHost.StartAsync();
        _client = await _host.ConnectAsync(EndToEndHost.AlphaKey);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_same_create_sent_again_is_answered_with_the_first_record()
    {
        var before = Sim.Data.Count(SimEntityKind.Ticket);
        var args = Args(("summary", "Sent twice"), ("client_id", 3), ("details", "Only one of me."));

        var first = await CallOk(_client, "halopsa_create_ticket", args);
        var second = await CallOk(_client, "halopsa_create_ticket", args);

        Assert.Equal(first.Int("id"), second.Int("id"));
        Assert.Equal(before + 1, Sim.Data.Count(SimEntityKind.Ticket));
        Assert.Equal(1, Sim.Requests.Count("POST", "/api/Tickets"));
    }

    [Fact]
    public async Task Twenty_concurrent_identical_creates_make_one_client()
    {
        var before = Sim.Data.Count(SimEntityKind.Client);
        Sim.Faults.Latency = TimeSpan.FromMilliseconds(30);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            _client.CallToolAsync("halopsa_create_client", Args(("name", "Concurrent Client Ltd"), ("website", "https://concurrent.example"))).AsTask()));

        Assert.Equal(before + 1, Sim.Data.Count(SimEntityKind.Client));
        Assert.Equal(1, Sim.Requests.Count("POST", "/api/Client"));
        var created = Assert.Single(Sim.Data.Where(SimEntityKind.Client, c => c.Str("name") == "Concurrent Client Ltd"));
        Assert.All(results.Where(r => r.IsError != true), r => Assert.Equal(created.Int("id"), r.StructuredContent!.Value.Int("id")));
        Assert.Contains(results, r => r.IsError != true);
    }

    [Fact]
    public async Task A_create_applied_but_answered_500_is_reported_as_unknown_and_never_resent()
    {
        var before = Sim.Data.Count(SimEntityKind.Ticket);
        var args = Args(("summary", "Applied then failed"), ("client_id", 4));
        Sim.Faults.ApplyThenFail(1, SimPostFailureMode.ServerError, "/api/Tickets");

        var failed = await _client.CallToolAsync("halopsa_create_ticket", args);
        var repeated = await _client.CallToolAsync("halopsa_create_ticket", args);

        Assert.True(failed.IsError);
        Assert.Contains("may or may not", Text(failed));
        Assert.True(repeated.IsError);
        Assert.Contains("not sent again", Text(repeated));
        Assert.Equal(before + 1, Sim.Data.Count(SimEntityKind.Ticket)); // HaloPSA did create it, once
        Assert.Equal(1, Sim.Requests.Count("POST", "/api/Tickets"));
    }

    [Theory]
    [InlineData("halopsa_update_ticket", "/api/Tickets")]
    [InlineData("halopsa_add_ticket_action", "/api/Actions")]
    [InlineData("halopsa_create_asset", "/api/Asset")]
    public async Task A_write_answered_5xx_surfaces_and_is_not_retried(string tool, string path)
    {
        var args = tool switch
        {
            "halopsa_update_ticket" => Args(("ticket_id", 5), ("summary", "Never retried")),
            "halopsa_add_ticket_action" => Args(("ticket_id", 5), ("note", "Never retried")),
            _ => Args(("client_id", 5), ("assettype_id", 1), ("inventory_number", "NEVER-RETRIED")),
        };

        // Warm the reference data the write needs (outcomes), so the only upstream request under the fault is the write.
        await CallOk(_client, "halopsa_list_outcomes");
        Sim.Faults.ErrorRate = 1;
        var result = await _client.CallToolAsync(tool, args);
        Sim.Faults.Reset();

        Assert.True(result.IsError);
        Assert.Contains("may or may not", Text(result));
        Assert.Equal(1, Sim.Requests.Count("POST", path));
    }

    [Fact]
    public async Task A_write_refused_with_one_429_is_sent_again_after_a_short_pause_and_applied_once()
    {
        Sim.Faults.ForceRateLimit(1);

        var result = await CallOk(_client, "halopsa_update_ticket", Args(("ticket_id", 6), ("summary", "After a 429")));

        // HaloPSA sent no Retry-After: a 429 proves the write was not processed, so after a short pause (its limit is a
        // rolling window, not a five-minute wall) it goes again, once.
        Assert.Equal("After a 429", result.Str("summary"));
        Assert.Equal("After a 429", Sim.Data.Get(SimEntityKind.Ticket, 6)!.Str("summary"));
        var posts = Sim.Requests.Entries.Where(e => e.Method == "POST" && e.Path.StartsWith("/api/Tickets", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal([429, 200], posts.Select(p => p.StatusCode));
    }

    [Fact]
    public async Task Tabs_and_line_breaks_in_long_text_reach_HaloPSA_as_written()
    {
        const string note = "Called the user.\n\tPrinter back online.\r\nClosing.";

        var action = await CallOk(_client, "halopsa_add_ticket_action", Args(("ticket_id", 8), ("note", note)));

        Assert.Equal(note, Sim.Data.Get(SimEntityKind.Action, action.Int("id"))!.Str("note"));
    }

    public static TheoryData<string, string> Gets() => new()
    {
        { "halopsa_get_ticket", "ticket_id" },
        { "halopsa_get_client", "client_id" },
        { "halopsa_get_site", "site_id" },
        { "halopsa_get_user", "user_id" },
        { "halopsa_get_asset", "asset_id" },
        { "halopsa_get_agent", "agent_id" },
        { "halopsa_get_contract", "contract_id" },
        { "halopsa_get_invoice", "invoice_id" },
        { "halopsa_get_recurring_invoice", "recurring_invoice_id" },
        { "halopsa_get_project", "project_id" },
    };

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task A_record_HaloPSA_does_not_have_is_a_tool_error_naming_it(string tool, string argument)
    {
        const int missing = 987_654;

        var result = await _client.CallToolAsync(tool, Args((argument, missing)));

        Assert.True(result.IsError, Text(result));
        Assert.Contains(missing.ToString(CultureInfo.InvariantCulture), Text(result));
        Assert.StartsWith("No ", Text(result));
        Assert.Null(result.StructuredContent);
    }
}
