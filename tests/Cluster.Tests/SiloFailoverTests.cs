using System.Text.Json.Nodes;
using HaloMcp.Cluster.Tests.Support;
using HaloMcp.Grains;

namespace HaloMcp.Cluster.Tests;

/// <summary>Issue 10, items 2 and 3: a silo killed under load loses nothing written and no budget; a restarted one rejoins.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SiloFailoverTests(ClusterRig cluster)
{
    [Fact]
    public async Task Killing_the_silo_of_a_busy_tenant_loses_no_acknowledged_write_sends_none_twice_and_keeps_the_budget()
    {
        await cluster.EnsureWholeAsync();
        var tenant = ClusterRig.Busy;
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var first = await cluster.ClientAsync(0, tenant);
        await using var second = await cluster.ClientAsync(1, tenant);

        // Writes take a while at HaloPSA, so some are in flight when the silo dies.
        await cluster.Sim.SetLatencyAsync(tenant, 300);
        Assert.True((await first.CallAsync("halopsa_list_outcomes", [])).Succeeded, cluster.Logs());
        var host = await cluster.Observer.HostOfAsync(cluster.Observer.Client.GetGrain<ITenantGrain>(tenant.Name));
        var victim = Assert.Single(cluster.Silos, s => s.Port == host);

        var nextRead = 1000;
        var nextWrite = 0;
        Func<Task<ToolOutcome>> Reader(FrontEndClient client) => () => client.CallAsync("halopsa_get_ticket", new()
        {
            ["ticket_id"] = Interlocked.Increment(ref nextRead),
            ["include_actions"] = false,
        });

        // Each writer cycles through the three writes, each with text no other write has.
        Func<Task<ToolOutcome>> Writer(FrontEndClient client) => () =>
        {
            var n = Interlocked.Increment(ref nextWrite);
            return (n % 3) switch
            {
                0 => client.CallAsync("halopsa_create_ticket", new() { ["client_id"] = 5, ["summary"] = $"burst-{run}-{n}" }),
                1 => client.CallAsync("halopsa_add_ticket_action", new() { ["ticket_id"] = 7, ["note"] = $"note-{run}-{n}" }),
                _ => client.CallAsync("halopsa_update_ticket", new() { ["ticket_id"] = 3000 + n, ["summary"] = $"upd-{run}-{n}" }),
            };
        };

        var killedAt = DateTimeOffset.MaxValue;
        var started = DateTime.UtcNow;
        var loadTask = Load.RunAsync(
            [Reader(first), Reader(first), Reader(second), Reader(second), Writer(first), Writer(second)],
            () => DateTime.UtcNow > started + TimeSpan.FromSeconds(24));
        await Task.Delay(TimeSpan.FromSeconds(4));
        killedAt = DateTimeOffset.UtcNow;
        victim.Kill();
        var outcomes = await loadTask;
        await cluster.Sim.SetLatencyAsync(tenant, 0);
        var failures = string.Join("\n", outcomes.Where(o => !o.Succeeded).Take(20)) + "\n" + cluster.Logs();

        // No call hung or lost its front end; reads were served across the failover or refused by the budget, never failed;
        // once the window the journal restored has passed, they are served again.
        Assert.DoesNotContain(outcomes, o => o.Failure is not null);
        var reads = outcomes.Where(o => o.Tool == "halopsa_get_ticket").ToList();
        Assert.All(reads, o => Assert.True(o.Succeeded || o.RateLimited, $"{o}\n{failures}"));
        Assert.Contains(reads, o => o.StartedAt >= killedAt && o.StartedAt < killedAt + TimeSpan.FromSeconds(1));
        Assert.Contains(reads, o => o.Succeeded && o.StartedAt > killedAt);

        // A write was answered, refused before it was sent, or reported as "outcome unknown": nothing else.
        var writes = outcomes.Where(o => o.Tool != "halopsa_get_ticket").ToList();
        Assert.All(writes, o => Assert.True(o.Succeeded || o.RateLimited || o.OutcomeUnknown, $"{o}\n{failures}"));
        Assert.Contains(writes, o => o.Succeeded && o.StartedAt > killedAt);

        // The budget held across the kill: the window's grants were in the journal the new activation read.
        var requests = await cluster.Sim.ApiRequestsAsync(tenant);
        Assert.DoesNotContain(requests, r => r.Status == 429);
        var most = SimApi.MostInAnyWindow(requests, TimeSpan.FromSeconds(tenant.WindowSeconds));
        Assert.True(most <= tenant.Requests, $"{most} requests reached HaloPSA in one {tenant.WindowSeconds} s window (budget {tenant.Requests})");
        Assert.NotEqual(victim.Port, await cluster.Observer.HostOfAsync(cluster.Observer.Client.GetGrain<ITenantGrain>(tenant.Name)));

        // What HaloPSA holds now (read once the budget's window has passed, so the checker is not refused).
        await Task.Delay(TimeSpan.FromSeconds(tenant.WindowSeconds + 2));
        var created = Summaries(await cluster.Sim.GetAsync(tenant, $"Tickets?search=burst-{run}&pageinate=true&page_size=100&page_no=1"), "tickets", "summary");
        var updated = Summaries(await cluster.Sim.GetAsync(tenant, $"Tickets?search=upd-{run}&pageinate=true&page_size=100&page_no=1"), "tickets", "summary");
        var notes = Summaries(await cluster.Sim.GetAsync(tenant, "Actions?ticket_id=7&pageinate=true&page_size=100&page_no=1"), "actions", "note")
            .Where(n => n.StartsWith($"note-{run}-", StringComparison.Ordinal)).ToList();

        // Every acknowledged write is there exactly once, and none is there twice.
        foreach (var write in writes.Where(o => o.Succeeded))
        {
            var text = TextOf(write);
            Assert.Equal(1, created.Concat(updated).Concat(notes).Count(t => t == text));
        }

        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(notes.Count, notes.Distinct().Count());

        // And no write was sent twice: HaloPSA received exactly one request per write it holds.
        Assert.Equal(created.Count + updated.Count, requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/Tickets", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(notes.Count, requests.Count(r => r.Method == "POST" && r.Path.StartsWith("/api/Actions", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task A_restarted_silo_rejoins_the_cluster_and_takes_new_activations()
    {
        await cluster.EnsureFrontEndsAsync();
        var silo = cluster.Silos.FirstOrDefault(s => s.IsDown) ?? cluster.Silos[1];
        silo.Kill();
        await cluster.RestartSiloAsync(silo);
        await Eventually.HoldsAsync(async () => (await cluster.Observer.ActiveSiloPortsAsync()).Contains(silo.Port), "the restarted silo is active in membership");

        // New activations spread over the silos, the restarted one included.
        var tenant = ClusterRig.Rejoin;
        await using var first = await cluster.ClientAsync(0, tenant);
        await using var second = await cluster.ClientAsync(1, tenant);
        var reads = await Task.WhenAll(Enumerable.Range(1, 60).Select(i => (i % 2 == 0 ? first : second).CallAsync("halopsa_get_ticket", new()
        {
            ["ticket_id"] = i,
            ["include_actions"] = false,
        })));
        Assert.All(reads, r => Assert.True(r.Succeeded, $"{r}\n{cluster.Logs()}"));

        var tickets = (await cluster.Observer.ActivationsAsync("TicketGrain")).Where(a => a.Key.EndsWith("+" + tenant.Name, StringComparison.Ordinal)).ToList();
        Assert.Equal(60, tickets.Count);
        Assert.Contains(tickets, t => t.SiloPort == silo.Port);
        Assert.Equal(2, (await cluster.Observer.ActiveSiloPortsAsync()).Count);
    }

    private static List<string> Summaries(JsonNode page, string list, string field) =>
        [.. page[list]!.AsArray().Select(r => (string?)r![field] ?? string.Empty)];

    private static string TextOf(ToolOutcome write) => write.Tool switch
    {
        "halopsa_create_ticket" or "halopsa_update_ticket" => write.Result!.Value.GetProperty("summary").GetString()!,
        _ => write.Result!.Value.GetProperty("note").GetString()!,
    };
}
