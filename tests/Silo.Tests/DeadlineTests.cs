using HaloMcp.Grains;

namespace HaloMcp.Silo.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public async Task A_call_queued_past_its_deadline_times_out_without_running()
    {
        await using var silo = await SiloHarness.StartAsync(o => o.DefaultCallTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grain("slow");
        Task blocker;
        using (GrainCallContext.WithTimeout(Timeout.InfiniteTimeSpan))
        {
            blocker = grain.BlockAsync();
        }

        await silo.Probe.BlockStarted.Task.Guard();
        var queued = grain.EnterAsync(1);

        silo.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(queued.IsCompleted);
        silo.Clock.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => queued.Guard());
        Assert.Contains("did not run", error.Message, StringComparison.Ordinal);
        silo.Probe.ReleaseBlock.SetResult();
        await blocker.Guard();
        await grain.EnterAsync(2).Guard();

        Assert.DoesNotContain("enter:1", silo.Probe.Events);
        Assert.Contains("enter:2", silo.Probe.Events);
        Assert.Equal(1, silo.Clock.PendingTimerCount);
        Assert.Equal(1, silo.Statistics.GetStatistics().GrainTypes["TestGrain"].Methods["EnterAsync"].Errors);
    }

    [Fact]
    public async Task The_token_of_a_running_call_fires_at_its_deadline()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("patient");
        Task waiting;
        using (GrainCallContext.WithTimeout(TimeSpan.FromSeconds(10)))
        {
            waiting = grain.WaitForCancellationAsync(CancellationToken.None);
        }

        await silo.Probe.BlockStarted.Task.Guard();
        silo.Clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        silo.Clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => waiting.Guard());
        Assert.Contains("token-fired", silo.Probe.Events);
        Assert.Equal(1, await grain.IncrementAsync().Guard());
    }

    [Fact]
    public async Task The_callers_token_reaches_the_running_method()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("listener");
        using var caller = new CancellationTokenSource();

        var waiting = grain.WaitForCancellationAsync(caller.Token);
        await silo.Probe.BlockStarted.Task.Guard();
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Guard());
        Assert.Contains("token-fired", silo.Probe.Events);
    }

    [Fact]
    public async Task Caller_cancellation_removes_a_queued_call()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("queue");
        var blocker = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();
        using var caller = new CancellationTokenSource();

        var queued = grain.EnterWithTokenAsync(1, caller.Token);
        var behind = grain.EnterAsync(2);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.Guard());
        Assert.False(behind.IsCompleted);
        silo.Probe.ReleaseBlock.SetResult();
        await Task.WhenAll(blocker, behind).Guard();

        Assert.DoesNotContain("enter:1", silo.Probe.Events);
        Assert.Contains("enter:2", silo.Probe.Events);
    }

    [Fact]
    public async Task A_call_with_an_already_cancelled_token_does_not_run()
    {
        await using var silo = await SiloHarness.StartAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => silo.Grain("early").EnterWithTokenAsync(1, new CancellationToken(canceled: true)).Guard());

        Assert.Equal(0, silo.Probe.Activations);
    }

    [Fact]
    public async Task The_grain_sees_its_callers_deadline()
    {
        await using var silo = await SiloHarness.StartAsync(o => o.DefaultCallTimeout = TimeSpan.FromSeconds(30));
        var grain = silo.Grain("deadline");
        var now = silo.Clock.GetUtcNow();

        Assert.Equal(now + TimeSpan.FromSeconds(30), await grain.GetDeadlineAsync().Guard());
        using (GrainCallContext.WithDeadline(now + TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(now + TimeSpan.FromSeconds(5), await grain.GetDeadlineAsync().Guard());
        }

        Assert.Null(GrainCallContext.Deadline);
    }
}
