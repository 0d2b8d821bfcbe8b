namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issues 3 and 8: idle activations are collected by Orleans and leave nothing behind. Runs alone: it measures the
/// process's heap (both silos live in it).
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class ActivationCollectionTests
{
    [Fact]
    public async Task Ten_thousand_idle_tenant_activations_are_collected_and_their_memory_returned()
    {
        // Orleans caches where remote activations live (an LRU entry per grain called from the other silo, kept up to
        // minutes); the test measures what our grains leave behind, so the cache is off.
        await using var rig = await GrainLayerRig.StartAsync(o => o.Silo = silo =>
            silo.Configure<Orleans.Configuration.GrainDirectoryOptions>(d => d.CachingStrategy = Orleans.Configuration.GrainDirectoryOptions.CachingStrategyType.None));
        // Every tenant id is a tenant on the one simulated instance; warming one needs no HTTP at all.
        var acme = rig.Instances[0];
        rig.Tenants.Fallback = id => GrainLayerRig.SettingsFor(rig.Sim, id, acme);

        // Two rounds of the same size first, so that what stays for the process's life (JIT, pools, the capacity that
        // dictionaries and lists keep once they grew) is in the baseline.
        await WarmAndCollectAsync(rig, "warm-up-1", 10_000);
        await WarmAndCollectAsync(rig, "warm-up-2", 10_000);
        var startMemory = SettledHeap();

        await WarmAsync(rig, "tenant", 10_000);
        Assert.Equal(10_000, await rig.ActivationsAsync("TenantGrain"));
        var perSilo = await rig.ActivationsPerSiloAsync("TenantGrain");
        Assert.All(perSilo, n => Assert.True(n > 0, $"tenants were placed on one silo only: {string.Join(", ", perSilo)}"));

        await rig.CollectIdleActivationsAsync();

        Assert.Equal(0, await rig.ActivationsAsync("TenantGrain"));
        var endMemory = SettledHeap();
        // Generous: a leak of 200 bytes per activation would still fail it.
        Assert.True(endMemory - startMemory < 2 * 1024 * 1024,
            $"the heap grew by {(endMemory - startMemory) / 1024.0:N0} KiB after 10,000 activations were collected");

        // And the tenants come back on demand.
        var again = await rig.Grains.GetGrain<ITenantGrain>("tenant-42").GetBudgetStatusAsync(default);
        Assert.Equal(0, again.InWindow);
        Assert.Equal(1, await rig.ActivationsAsync("TenantGrain"));
    }

    private static async Task WarmAndCollectAsync(GrainLayerRig rig, string prefix, int count)
    {
        await WarmAsync(rig, prefix, count);
        await rig.CollectIdleActivationsAsync();
        Assert.Equal(0, await rig.ActivationsAsync("TenantGrain"));
    }

    private static async Task WarmAsync(GrainLayerRig rig, string prefix, int count)
    {
        var calls = Enumerable.Range(0, count)
            .Select(i => rig.Entry(i).GetGrain<ITenantGrain>($"{prefix}-{i}").GetBudgetStatusAsync(default))
            .ToList();
        var statuses = await Eventually.AllAsync(calls);
        Assert.All(statuses, s => Assert.Equal(0, s.InWindow));
    }

    private static long SettledHeap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        // What survived the last full blocking collection. (GC.GetTotalMemory can come out negative on .NET 10 once
        // regions are fragmented, so it is not used.)
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }
}
