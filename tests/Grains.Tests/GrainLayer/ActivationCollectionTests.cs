using Orleans.Configuration;
using Orleans.Hosting;

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
        // Orleans' own collector does the collecting, on real time, with an idle time of seconds instead of 15 minutes.
        // Orleans caches where remote activations live (an LRU entry per grain called from the other silo, kept up to
        // minutes); the test measures what our grains leave behind, so the cache is off.
        await using var rig = await GrainLayerRig.StartAsync(o => o.Silo = silo =>
        {
            silo.Configure<GrainCollectionOptions>(c =>
            {
                c.CollectionQuantum = TimeSpan.FromSeconds(1);
                c.CollectionAge = TimeSpan.FromSeconds(2);
            });
            silo.Configure<GrainDirectoryOptions>(d => d.CachingStrategy = GrainDirectoryOptions.CachingStrategyType.None);
        });
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

        await CollectedAsync(rig);
        var endMemory = SettledHeap();

        // Orleans keeps some bookkeeping per grain id for a while after its activation went (its directory), whatever
        // the grain: measured with 10,000 activations of a grain that holds nothing, the same way.
        var baselineStart = SettledHeap();
        await Eventually.AllAsync(Enumerable.Range(0, 10_000).Select(i => rig.Entry(i).GetGrain<IBaselineGrain>($"baseline-{i}").PingAsync()));
        await Eventually.HoldsAsync(async () => await rig.ActivationsAsync("BaselineGrain") == 0, "every idle baseline activation collected");
        var orleansOwn = SettledHeap() - baselineStart;

        // Generous: a leak of 200 bytes per tenant activation would still fail it.
        var ours = endMemory - startMemory - orleansOwn;
        Assert.True(ours < 2 * 1024 * 1024,
            $"the heap grew by {(endMemory - startMemory) / 1024.0:N0} KiB after 10,000 tenant activations were collected, {orleansOwn / 1024.0:N0} KiB of it what Orleans keeps for any grain");

        // And the tenants come back on demand.
        var again = await rig.Grains.GetGrain<ITenantGrain>("tenant-42").GetBudgetStatusAsync(default);
        Assert.Equal(0, again.InWindow);
        Assert.Equal(1, await rig.ActivationsAsync("TenantGrain"));
    }

    private static async Task WarmAndCollectAsync(GrainLayerRig rig, string prefix, int count)
    {
        await WarmAsync(rig, prefix, count);
        await CollectedAsync(rig);
    }

    // The collector's idle time is real time; this waits (bounded) for it to have done its work.
    private static Task CollectedAsync(GrainLayerRig rig) =>
        Eventually.HoldsAsync(async () => await rig.ActivationsAsync("TenantGrain") == 0, "every idle tenant activation collected");

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
