namespace HaloMcp.Silo.Tests;

[Collection(MemoryMeasurementCollection.Name)]
public sealed class IdleMemoryTests
{
    [Fact]
    public async Task Ten_thousand_idle_activations_are_collected_and_their_memory_returned()
    {
        await using var silo = await IdleCollectionTests.StartAsync();
        silo.Probe.TrackKeys = false;
        const int count = 10_000;

        // Warm up code paths and caches so the baseline measures steady state.
        await IdleCollectionTests.ActivateAsync(silo, "warm", 100);
        await IdleCollectionTests.CollectAsync(silo);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var deactivationsBefore = silo.Probe.Deactivations;

        await IdleCollectionTests.ActivateAsync(silo, "k", count);
        Assert.Equal(count, silo.Statistics.GetStatistics().Activations);
        await IdleCollectionTests.CollectAsync(silo);

        Assert.Equal(count, silo.Probe.Deactivations - deactivationsBefore);
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);
        Assert.Empty(silo.Runtime.Directory);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after < before + (2 * 1024 * 1024), $"Managed memory grew from {before} to {after} bytes after collection.");
    }
}
