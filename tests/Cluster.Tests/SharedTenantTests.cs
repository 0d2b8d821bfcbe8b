using HaloMcp.Cluster.Tests.Support;

namespace HaloMcp.Cluster.Tests;

/// <summary>Issue 10, item 1: one tenant, two front ends, one tenant activation for the whole cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedTenantTests(ClusterRig cluster)
{
    [Fact]
    public async Task Calls_for_one_tenant_through_both_front_ends_meet_in_one_activation_within_its_budget_with_one_token()
    {
        await cluster.EnsureWholeAsync();
        var tenant = ClusterRig.Shared;
        await using var first = await cluster.ClientAsync(0, tenant);
        await using var second = await cluster.ClientAsync(1, tenant);
        var nextTicket = 0;
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(tenant.WindowSeconds * 2.5);

        // Six callers on each front end, each reading tickets nobody has read: one upstream request per read, far more
        // than the budget of 30 per 10 s allows.
        Func<Task<ToolOutcome>> Reader(FrontEndClient client) => () => client.CallAsync("halopsa_get_ticket", new()
        {
            ["ticket_id"] = Interlocked.Increment(ref nextTicket),
            ["include_actions"] = false,
        });
        var runs = await Task.WhenAll(
            Load.RunAsync(Enumerable.Repeat(Reader(first), 6), () => DateTime.UtcNow > end),
            Load.RunAsync(Enumerable.Repeat(Reader(second), 6), () => DateTime.UtcNow > end));
        var outcomes = runs.SelectMany(r => r).ToList();

        var requests = await cluster.Sim.ApiRequestsAsync(tenant);
        Assert.DoesNotContain(requests, r => r.Status == 429);
        Assert.True(SimApi.MostInAnyWindow(requests, TimeSpan.FromSeconds(tenant.WindowSeconds)) <= tenant.Requests,
            $"{SimApi.MostInAnyWindow(requests, TimeSpan.FromSeconds(tenant.WindowSeconds))} requests reached HaloPSA in one {tenant.WindowSeconds} s window (budget {tenant.Requests})");
        Assert.Equal(1, await cluster.Sim.TokenRequestsAsync(tenant));

        var activations = (await cluster.Observer.ActivationsAsync("TenantGrain")).Where(a => a.Key == tenant.Name).ToList();
        Assert.Single(activations);

        Assert.All(outcomes, o => Assert.True(o.Succeeded || o.RateLimited, o.ToString()));
        Assert.True(outcomes.Count(o => o.Succeeded) >= 2 * tenant.Requests, $"only {outcomes.Count(o => o.Succeeded)} reads were served in 2.5 windows");
        Assert.Contains(outcomes, o => o.RateLimited);
        Assert.All(runs, run => Assert.Contains(run, o => o.Succeeded));

        // A front end cannot see the requests its calls cost (they happen in the silos): its log line says so, never "0".
        var frontEnd = cluster.FrontEnds[0].Process!;
        Assert.True(frontEnd.Printed("upstream requests n/a"), frontEnd.Output());
        Assert.False(frontEnd.Printed(", 0 upstream requests"), frontEnd.Output());
    }
}
