using HaloMcp.Cluster.Tests.Support;

namespace HaloMcp.Cluster.Tests;

/// <summary>Issue 10, item 4: front ends hold no tenant state, so losing one costs only the calls it had in flight.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FrontEndFailureTests(ClusterRig cluster)
{
    [Fact]
    public async Task A_killed_front_end_costs_only_its_own_in_flight_calls()
    {
        await cluster.EnsureWholeAsync();
        var tenant = ClusterRig.Spread;
        await using var doomed = await cluster.ClientAsync(0, tenant);
        await using var survivor = await cluster.ClientAsync(1, tenant);

        // Every read takes a while at HaloPSA, so the doomed front end has calls in flight when it dies.
        await cluster.Sim.SetLatencyAsync(tenant, 300);
        var nextTicket = 0;
        Func<Task<ToolOutcome>> Reader(FrontEndClient client) => () => client.CallAsync("halopsa_get_ticket", new()
        {
            ["ticket_id"] = Interlocked.Increment(ref nextTicket),
            ["include_actions"] = false,
        });
        // Both runs end relative to the kill, not the clock: on a starved machine the wait before it can take long.
        var killedAt = DateTimeOffset.MaxValue;
        var doomedRun = Load.RunAsync(Enumerable.Repeat(Reader(doomed), 4), () => DateTimeOffset.UtcNow > killedAt);
        var survivorRun = Load.RunAsync(Enumerable.Repeat(Reader(survivor), 4), () => DateTimeOffset.UtcNow - TimeSpan.FromSeconds(4) > killedAt);
        await Task.Delay(TimeSpan.FromSeconds(3));
        killedAt = DateTimeOffset.UtcNow;
        cluster.FrontEnds[0].Kill();
        var lost = await doomedRun;
        var served = await survivorRun;
        await cluster.Sim.SetLatencyAsync(tenant, 0);

        // The other front end served every call, before, during and after; the doomed one failed only what it had open.
        Assert.All(served, o => Assert.True(o.Succeeded, $"{o}\n{cluster.Logs()}"));
        Assert.Contains(served, o => o.StartedAt > killedAt);
        Assert.All(lost.Where(o => o.EndedAt < killedAt), o => Assert.True(o.Succeeded, o.ToString()));
        var inFlight = lost.Where(o => o.StartedAt < killedAt && o.EndedAt >= killedAt).ToList();
        Assert.True(inFlight.Count > 0, $"no call was in flight at the kill ({killedAt:HH:mm:ss.fff}):\n{string.Join("\n", lost.Select(o => $"{o} ended {o.EndedAt:HH:mm:ss.fff}"))}");
        Assert.All(inFlight, o => Assert.True(o.Succeeded || (o.Failure is not null && !o.Hung), o.ToString()));

        // Nothing of the tenant lived in the front end: one tenant activation and one token throughout, and a front end
        // started in its place serves the tenant at once.
        Assert.Single(await cluster.Observer.ActivationsAsync("TenantGrain"), a => a.Key == tenant.Name);
        Assert.Equal(1, await cluster.Sim.TokenRequestsAsync(tenant));
        await cluster.RestartFrontEndAsync(cluster.FrontEnds[0]);
        await using var replacement = await cluster.ClientAsync(0, tenant);
        Assert.True((await Reader(replacement)()).Succeeded, cluster.Logs());
        Assert.Equal(1, await cluster.Sim.TokenRequestsAsync(tenant));
    }
}
