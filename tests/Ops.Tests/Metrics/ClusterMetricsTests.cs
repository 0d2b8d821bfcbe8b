using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Ops;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;

namespace HaloMcp.Ops.Tests.Metrics;

/// <summary>
/// Two silos, each counting what its own grains emit, and an Orleans client as a cluster's front end would be: the
/// page's one grain call sees both silos' counts added up, and both silos.
/// </summary>
public sealed class ClusterMetricsTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<ITenantDirectory, NoTenants>();
            silo.AddHaloGrains().AddHaloOps();
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task A_front_end_sees_every_silo_s_counts_of_a_tenant_added_up()
    {
        var tenant = "t-" + Guid.NewGuid().ToString("N");
        var first = Metrics(0);
        var second = Metrics(1);
        for (var i = 0; i < 3; i++)
        {
            first.Permitted(tenant, "read", waited: false);
        }

        for (var i = 0; i < 4; i++)
        {
            second.Permitted(tenant, "read", waited: true);
        }

        first.CacheLookup(tenant, "statuses", hit: true);
        second.CacheLookup(tenant, "statuses", hit: false);
        second.RateLimited(tenant);

        var ops = _cluster.Client.GetGrain<IOpsGrain>(0);
        var activity = Assert.Single(await ops.GetTenantActivityAsync(CancellationToken.None), a => a.TenantId == tenant);
        Assert.Equal(7, activity.Permits);
        Assert.Equal(4, activity.WaitedPermits);
        Assert.Equal(1, activity.RateLimited);
        Assert.Equal([new CacheActivity("statuses", 1, 1)], activity.Caches);

        var history = Assert.Single(await ops.GetBudgetHistoryAsync([tenant], CancellationToken.None));
        Assert.Equal(7, history.Permits.Sum());

        var cluster = await ops.GetClusterAsync(CancellationToken.None);
        Assert.Equal(2, cluster.Silos.Count(s => s.Status == "Active"));
        Assert.Equal(
            _cluster.Silos.Select(s => s.SiloAddress.ToParsableString()).Order(StringComparer.Ordinal),
            cluster.Silos.Select(s => s.Address).Order(StringComparer.Ordinal));
    }

    private TenantMetrics Metrics(int silo) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<TenantMetrics>();

    private sealed class NoTenants : ITenantDirectory
    {
        public TenantSettings? Find(string tenantId) => null;
    }
}
