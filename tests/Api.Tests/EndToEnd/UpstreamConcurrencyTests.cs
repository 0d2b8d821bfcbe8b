using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>What many concurrent MCP calls turn into upstream: shared reads coalesce, writes to one ticket queue.</summary>
public sealed class UpstreamConcurrencyTests : IAsyncLifetime
{
    private EndToEndHost _host = null!;

    public async Task InitializeAsync() => _host = await EndToEndHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_hundred_concurrent_status_lists_cost_one_status_read_and_one_token()
    {
        // Slow upstream answers keep every call in flight together.
        _host.Alpha.Faults.Latency = TimeSpan.FromMilliseconds(50);
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _host.ConnectAsync(EndToEndHost.AlphaKey)));
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => CallOk(clients[i % 4], "halopsa_list_statuses")));

            Assert.All(results, r => Assert.Equal(_host.Alpha.Data.Count(SimEntityKind.Status), r.Items().Count));
            Assert.Equal(1, _host.Alpha.Requests.Count("GET", "/api/Status"));
            Assert.Equal(1, _host.Alpha.Requests.Count("POST", "/auth/token"));
            Assert.Equal(2, _host.Alpha.Requests.Entries.Count);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Fifty_concurrent_updates_of_one_ticket_reach_HaloPSA_one_at_a_time()
    {
        const int id = 7;
        _host.Alpha.Faults.Latency = TimeSpan.FromMilliseconds(15);
        await using var first = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        await using var second = await _host.ConnectAsync(EndToEndHost.AlphaKey);
        var summaries = Enumerable.Range(0, 50).Select(i => $"Concurrent update {i:D2}").ToList();

        var results = await Task.WhenAll(summaries.Select((summary, i) =>
            CallOk(i % 2 == 0 ? first : second, "halopsa_update_ticket", Args(("ticket_id", id), ("summary", summary)))));

        Assert.Equal(summaries.Order(), results.Select(r => r.Str("summary")!).Order());
        var writes = _host.Alpha.Requests.Entries
            .Where(e => e.Method == "POST" && e.Path.StartsWith("/api/Tickets", StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.StartSequence)
            .ToList();
        Assert.Equal(50, writes.Count); // each write exactly once
        Assert.All(writes, w => Assert.InRange(w.StatusCode, 200, 299));
        for (var i = 1; i < writes.Count; i++)
        {
            Assert.True(
                writes[i - 1].EndSequence < writes[i].StartSequence,
                $"write {i} started (#{writes[i].StartSequence}) before write {i - 1} ended (#{writes[i - 1].EndSequence})");
        }

        Assert.Contains(_host.Alpha.Data.Get(SimEntityKind.Ticket, id)!.Str("summary"), summaries);
    }
}
