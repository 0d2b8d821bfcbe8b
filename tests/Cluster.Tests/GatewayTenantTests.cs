using HaloMcp.Cluster.Tests.Support;

namespace HaloMcp.Cluster.Tests;

/// <summary>
/// Gateway mode in a cluster: a tenant that exists only in request headers reaches its HaloPSA from grains on any silo,
/// which get its settings sealed with the cluster's key (no silo has them otherwise).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GatewayTenantTests(ClusterRig cluster)
{
    [Fact]
    public async Task A_gateway_tenant_is_served_through_both_front_ends_by_one_activation_with_one_token()
    {
        await cluster.EnsureWholeAsync();
        await using var first = await cluster.GatewayClientAsync(0);
        await using var second = await cluster.GatewayClientAsync(1);

        // Tickets and clients activate grains on both silos; every one of them needs the tenant's settings.
        var reads = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => (i % 2 == 0 ? first : second).CallAsync(
            i % 4 < 2 ? "halopsa_get_ticket" : "halopsa_get_client",
            i % 4 < 2 ? new() { ["ticket_id"] = i } : new() { ["client_id"] = i })));

        Assert.All(reads, r => Assert.True(r.Succeeded, $"{r}\n{cluster.Logs()}"));
        var tenants = (await cluster.Observer.ActivationsAsync("TenantGrain")).Where(a => a.Key.StartsWith("gw-", StringComparison.Ordinal)).ToList();
        Assert.Single(tenants);
        var entities = (await cluster.Observer.ActivationsAsync("TicketGrain")).Concat(await cluster.Observer.ActivationsAsync("ClientGrain"))
            .Where(a => a.Key.EndsWith("+" + tenants[0].Key, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, entities.Select(e => e.SiloPort).Distinct().Count());
        Assert.Equal(1, await cluster.Sim.TokenRequestsAsync(ClusterRig.Gateway));
    }
}
