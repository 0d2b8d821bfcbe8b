using System.Runtime.CompilerServices;

namespace HaloMcp.Silo.Tests;

public sealed class IdleCollectionTests
{
    internal static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    internal static Task<SiloHarness> StartAsync(TimeSpan? callTimeout = null) => SiloHarness.StartAsync(o =>
    {
        o.IdleTimeout = IdleTimeout;
        o.CollectionSweepPeriod = SweepPeriod;
        o.DefaultCallTimeout = callTimeout ?? o.DefaultCallTimeout;
    });

    [Fact]
    public async Task A_call_after_collection_reactivates_with_fresh_state()
    {
        await using var silo = await StartAsync();
        var grain = silo.Grain("phoenix");
        await grain.IncrementAsync().Guard();
        await grain.IncrementAsync().Guard();

        await CollectAsync(silo);
        Assert.Contains("deactivate:phoenix:IdleCollection", silo.Probe.Events);
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);

        Assert.Equal(1, await grain.IncrementAsync().Guard());
        Assert.Equal(2, silo.Probe.ActivationsByKey["phoenix"]);
        var stats = silo.Statistics.GetStatistics().GrainTypes["TestGrain"];
        Assert.Equal(2, stats.ActivationsCreated);
        Assert.Equal(1, stats.ActivationsCollected);
    }

    [Fact]
    public async Task Activity_keeps_a_grain_alive()
    {
        await using var silo = await StartAsync();
        var busy = silo.Grain("busy");
        var idle = silo.Grain("idle");
        await busy.IncrementAsync().Guard();
        await idle.IncrementAsync().Guard();

        for (var minute = 0; minute < 40; minute++)
        {
            silo.Clock.Advance(TimeSpan.FromMinutes(1));
            await silo.Runtime.LastIdleCollection.Guard();
            if (minute % 10 == 0)
            {
                await busy.IncrementAsync().Guard();
            }
        }

        Assert.DoesNotContain(silo.Probe.Events, e => e.StartsWith("deactivate:busy", StringComparison.Ordinal));
        Assert.Contains("deactivate:idle:IdleCollection", silo.Probe.Events);
        Assert.Equal(1, silo.Probe.ActivationsByKey["busy"]);
        Assert.Equal(6, await busy.IncrementAsync().Guard());
    }

    [Fact]
    public async Task A_running_call_keeps_its_grain_alive_however_long_it_runs()
    {
        await using var silo = await StartAsync();
        var grain = silo.Grain("long-runner");
        Task blocker;
        using (HaloMcp.Grains.GrainCallContext.WithTimeout(Timeout.InfiniteTimeSpan))
        {
            blocker = grain.BlockAsync();
        }

        await silo.Probe.BlockStarted.Task.Guard();
        await CollectAsync(silo);

        Assert.Equal(0, silo.Probe.Deactivations);
        silo.Probe.ReleaseBlock.SetResult();
        await blocker.Guard();
        await CollectAsync(silo);
        Assert.Equal(1, silo.Probe.Deactivations);
    }

    [Fact]
    public async Task A_call_racing_a_deactivation_runs_on_a_fresh_activation_after_it()
    {
        await using var silo = await StartAsync();
        var grain = silo.Grain("racer");
        await grain.IncrementAsync().Guard();
        silo.Probe.DeactivationGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        silo.Clock.Advance(IdleTimeout + SweepPeriod);
        await silo.Probe.DeactivationStarted.Task.Guard();
        var racing = grain.IncrementAsync();
        Assert.False(racing.IsCompleted);
        silo.Probe.DeactivationGate.SetResult();

        Assert.Equal(1, await racing.Guard());
        await silo.Runtime.LastIdleCollection.Guard();
        Assert.Equal(["activate:racer", "deactivate:racer:IdleCollection", "activate:racer"], silo.Probe.Events);
    }

    [Fact]
    public async Task Deactivate_on_idle_deactivates_after_the_current_turn()
    {
        await using var silo = await StartAsync();
        var grain = silo.Grain("quitter");
        await grain.IncrementAsync().Guard();
        var first = await grain.InstanceAsync().Guard();

        await grain.DeactivateAsync().Guard();
        var second = await grain.InstanceAsync().Guard();

        Assert.NotEqual(first, second);
        Assert.Equal(0, await grain.GetAsync().Guard());
        Assert.Equal(["activate:quitter", "deactivate:quitter:ApplicationRequested", "activate:quitter"], silo.Probe.Events);
    }

    [Fact]
    public async Task Calls_queued_behind_a_deactivate_on_idle_turn_move_in_order_to_the_next_activation()
    {
        await using var silo = await StartAsync();
        var grain = silo.Grain("mover");
        var blocker = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();

        var deactivate = grain.DeactivateAsync();
        var first = grain.EnterAsync(1);
        var second = grain.EnterAsync(2);
        silo.Probe.ReleaseBlock.SetResult();
        await Task.WhenAll(blocker, deactivate, first, second).Guard();

        Assert.Equal(
            ["activate:mover", "enter:block", "exit:block", "deactivate:mover:ApplicationRequested", "activate:mover", "enter:1", "exit:1", "enter:2", "exit:2"],
            silo.Probe.Events);
        Assert.Equal(2, await grain.GetAsync().Guard());
    }

    [Fact]
    public async Task Calls_racing_idle_collection_are_never_lost_nor_run_on_a_deactivated_instance()
    {
        // The clock jumps past the idle timeout while calls wait for activation; they must not time out meanwhile.
        await using var silo = await StartAsync(callTimeout: Timeout.InfiniteTimeSpan);
        var grain = silo.Grain("hot");
        const int rounds = 30;
        const int callers = 40;

        for (var round = 0; round < rounds; round++)
        {
            using var start = new ManualResetEventSlim();
            var calls = Enumerable.Range(0, callers)
                .Select(_ => Task.Run(() =>
                {
                    start.Wait();
                    return grain.IncrementAsync();
                }))
                .ToArray();
            start.Set();
            silo.Clock.Advance(IdleTimeout + SweepPeriod);
            var results = await Task.WhenAll(calls).Guard();
            await silo.Runtime.LastIdleCollection.Guard();

            // Whether the sweep caught the grain idle mid-round or not, every call completed and counted once.
            Assert.All(results, r => Assert.True(r >= 1));
        }

        var events = silo.Probe.Events.ToArray();
        Assert.DoesNotContain("call-on-deactivated-instance", events);
        for (var i = 0; i < events.Length; i++)
        {
            // Never two activations alive at once: activate and deactivate alternate.
            Assert.Equal(i % 2 == 0 ? "activate:hot" : "deactivate:hot:IdleCollection", events[i]);
        }

        Assert.Equal(rounds * callers, silo.Statistics.GetStatistics().GrainTypes["TestGrain"].Methods["IncrementAsync"].Calls);
    }

    internal static async Task CollectAsync(SiloHarness silo)
    {
        silo.Clock.Advance(IdleTimeout + SweepPeriod);
        await silo.Runtime.LastIdleCollection.Guard();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static async Task ActivateAsync(SiloHarness silo, string prefix, int count)
    {
        var calls = new Task<int>[count];
        for (var i = 0; i < count; i++)
        {
            calls[i] = silo.Grain($"{prefix}{i}").IncrementAsync();
        }

        await Task.WhenAll(calls).Guard();
    }
}
