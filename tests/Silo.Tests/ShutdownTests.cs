namespace HaloMcp.Silo.Tests;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_drains_the_call_in_flight_and_rejects_new_calls()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("worker");
        var inFlight = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();

        var stopping = silo.StopAsync();
        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => silo.Grain("newcomer").IncrementAsync().Guard());
        Assert.Contains("shutting down", error.Message, StringComparison.Ordinal);
        Assert.False(stopping.IsCompleted);

        silo.Probe.ReleaseBlock.SetResult();
        await inFlight.Guard();
        await stopping.Guard();

        Assert.Contains("exit:block", silo.Probe.Events);
        Assert.Contains("deactivate:worker:ShuttingDown", silo.Probe.Events);
        Assert.DoesNotContain(silo.Probe.Events, e => e.Contains("newcomer", StringComparison.Ordinal));
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);
    }

    [Fact]
    public async Task Stopping_deactivates_every_activation()
    {
        await using var silo = await SiloHarness.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => silo.Grain($"g{i}").IncrementAsync())).Guard();

        await silo.StopAsync().Guard();

        Assert.Equal(50, silo.Probe.Deactivations);
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);
    }

    [Fact]
    public async Task A_shutdown_timeout_fails_calls_that_never_started()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("stuck");
        var inFlight = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();
        var queued = grain.EnterAsync(1);
        using var shutdownTimeout = new CancellationTokenSource();

        var stopping = silo.Host.StopAsync(shutdownTimeout.Token);
        await shutdownTimeout.CancelAsync();

        await Assert.ThrowsAsync<SiloUnavailableException>(() => queued.Guard());
        silo.Probe.ReleaseBlock.SetResult();
        await Task.WhenAll(inFlight, stopping).Guard();
        Assert.DoesNotContain("enter:1", silo.Probe.Events);
    }
}
