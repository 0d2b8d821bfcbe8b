namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issue 3: idle activations are collected and leave nothing behind. Runs alone: it measures the process's heap.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class ActivationCollectionTests
{
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Ten_thousand_idle_tenant_activations_are_collected_and_their_memory_returned()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Silo = s =>
        {
            s.IdleTimeout = IdleTimeout;
            s.CollectionSweepPeriod = SweepPeriod;
        });
        // Every tenant id is a tenant on the one simulated instance; warming one needs no HTTP at all.
        var acme = rig.Instances[0];
        rig.Tenants.Fallback = id => GrainLayerRig.SettingsFor(rig.Sim, id, acme);

        // Two rounds of the same size first, so that what stays for the process's life (JIT, pools, the capacity that
        // dictionaries and lists keep once they grew) is in the baseline; measured, the heap stops growing after two.
        await WarmAndCollectAsync(rig, "warm-up-1", 10_000);
        await WarmAndCollectAsync(rig, "warm-up-2", 10_000);
        var startActivations = rig.Statistics.GetStatistics().Activations;
        var startCollected = rig.GrainType("TenantGrain").ActivationsCollected;
        var startMemory = SettledHeap();

        await WarmAsync(rig, "tenant", 10_000);
        var active = rig.Statistics.GetStatistics();
        Assert.Equal(startActivations + 10_000, active.Activations);

        await CollectAsync(rig, startActivations);

        var tenants = rig.GrainType("TenantGrain");
        Assert.Equal(startActivations, rig.Statistics.GetStatistics().Activations);
        Assert.Equal(startCollected + 10_000, tenants.ActivationsCollected);
        // Only the silo's sweep is still armed on the clock: no tenant left a timer behind.
        Assert.Equal(1, rig.Clock.PendingTimerCount);
        var endMemory = SettledHeap();
        // Generous: a leak of 200 bytes per activation would still fail it.
        Assert.True(endMemory - startMemory < 2 * 1024 * 1024,
            $"the heap grew by {(endMemory - startMemory) / 1024.0:N0} KiB after 10,000 activations were collected");

        // And the tenants come back on demand.
        var again = await rig.Grains.GetGrain<ITenantGrain>("tenant-42").GetBudgetStatusAsync(default);
        Assert.Equal(0, again.InWindow);
        Assert.Equal(startActivations + 1, rig.Statistics.GetStatistics().Activations);
    }

    private static async Task WarmAndCollectAsync(GrainLayerRig rig, string prefix, int count)
    {
        var before = rig.Statistics.GetStatistics().Activations;
        await WarmAsync(rig, prefix, count);
        await CollectAsync(rig, before);
    }

    private static async Task WarmAsync(GrainLayerRig rig, string prefix, int count)
    {
        var calls = Enumerable.Range(0, count)
            .Select(i => rig.Grains.GetGrain<ITenantGrain>($"{prefix}-{i}").GetBudgetStatusAsync(default))
            .ToList();
        var statuses = await Eventually.AllAsync(calls);
        Assert.All(statuses, s => Assert.Equal(0, s.InWindow));
    }

    private static async Task CollectAsync(GrainLayerRig rig, long expectedActivations)
    {
        rig.Clock.Advance(IdleTimeout + SweepPeriod);
        await Eventually.HoldsAsync(
            () => rig.Statistics.GetStatistics().Activations == expectedActivations,
            $"activations back to {expectedActivations}");
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
