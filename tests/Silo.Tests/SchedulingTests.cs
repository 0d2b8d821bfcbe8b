namespace HaloMcp.Silo.Tests;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Concurrent_calls_to_a_write_method_never_overlap()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("serial");
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 200)
            .Select(i => Task.Run(() =>
            {
                start.Wait();
                return grain.EnterAsync(i);
            }))
            .ToArray();
        start.Set();
        await Task.WhenAll(calls).Guard();

        Assert.Equal(1, silo.Probe.MaxInside);
        Assert.Equal(200, await grain.GetAsync().Guard());
        var events = silo.Probe.Events.Where(e => e.StartsWith("enter:", StringComparison.Ordinal) || e.StartsWith("exit:", StringComparison.Ordinal)).ToArray();
        for (var i = 0; i < events.Length; i += 2)
        {
            Assert.Equal(events[i]["enter:".Length..], events[i + 1]["exit:".Length..]);
        }
    }

    [Fact]
    public async Task Queued_calls_run_in_arrival_order_one_at_a_time()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("fifo");
        var blocker = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();

        var calls = Enumerable.Range(0, 200).Select(grain.EnterAsync).ToArray();
        silo.Probe.ReleaseBlock.SetResult();
        await Task.WhenAll(calls.Append(blocker)).Guard();

        var expected = new List<string> { "enter:block", "exit:block" };
        foreach (var i in Enumerable.Range(0, 200))
        {
            expected.Add($"enter:{i}");
            expected.Add($"exit:{i}");
        }

        Assert.Equal(expected, silo.Probe.Events.Where(e => !e.StartsWith("activate", StringComparison.Ordinal)));
        Assert.Equal(1, silo.Probe.MaxInside);

        // Only the idle-collection timer is left: queued calls' deadline timers went with them.
        Assert.Equal(1, silo.Clock.PendingTimerCount);
    }

    [Fact]
    public async Task Read_only_calls_overlap_each_other_but_never_a_write()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("library");
        const int readers = 20;
        silo.Probe.ReadersExpected = readers;
        using var start = new ManualResetEventSlim();

        var reads = Enumerable.Range(0, readers)
            .Select(_ => Task.Run(() =>
            {
                start.Wait();
                return grain.ReadAndHoldAsync();
            }))
            .ToArray();
        start.Set();

        // All readers are inside the method at once: the barrier only opens when the last one enters.
        await silo.Probe.AllReadersInside.Task.Guard();

        var write = grain.WriteAsync("w");
        var laterRead = grain.ReadAsync("after-write");
        Assert.False(write.IsCompleted);
        Assert.False(laterRead.IsCompleted);

        silo.Probe.ReleaseReaders.SetResult();
        await Task.WhenAll(reads.Append(write).Append(laterRead)).Guard();

        var events = silo.Probe.Events.ToList();
        Assert.Contains("write:w:readers=0", events);
        Assert.True(events.IndexOf("exit:w") < events.IndexOf("read:after-write"), string.Join(", ", events));
    }

    [Fact]
    public async Task Always_interleave_runs_during_a_blocked_turn()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("busy");
        await grain.IncrementAsync().Guard();
        var blocker = grain.BlockAsync();
        await silo.Probe.BlockStarted.Task.Guard();

        var peek = await grain.PeekAsync().Guard();

        Assert.Equal(1, peek);
        Assert.False(blocker.IsCompleted);
        silo.Probe.ReleaseBlock.SetResult();
        await blocker.Guard();
    }

    [Fact]
    public async Task Interleaving_and_read_only_calls_that_arrive_during_activation_run_once_it_completes()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("newborn");

        var results = await Task.WhenAll(grain.PeekAsync(), grain.GetAsync(), grain.IncrementAsync(), grain.PeekAsync()).Guard();

        Assert.Equal(1, silo.Probe.Activations);
        Assert.Equal(1, results[2]);
    }

    [Fact]
    public async Task Different_keys_run_in_parallel()
    {
        await using var silo = await SiloHarness.StartAsync();
        const int keys = 8;
        silo.Probe.MeetingSize = keys;

        // Each call waits inside its turn until all have entered theirs: only parallel activations can finish.
        await Task.WhenAll(Enumerable.Range(0, keys).Select(i => silo.Grain($"k{i}").MeetAsync().AsTask())).Guard();

        Assert.Equal(keys, silo.Probe.Activations);
    }

    [Fact]
    public async Task A_failing_call_fails_alone_and_the_activation_keeps_its_state()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("sturdy");
        await grain.IncrementAsync().Guard();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync().Guard());
        Assert.Equal("boom", error.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => grain.FailSynchronouslyAsync().Guard());

        Assert.Equal(2, await grain.IncrementAsync().Guard());
        Assert.Equal(1, silo.Probe.Activations);
        var stats = silo.Statistics.GetStatistics().GrainTypes["TestGrain"];
        Assert.Equal(2, stats.Methods["IncrementAsync"].Calls);
        Assert.Equal(1, stats.Methods["FailAsync"].Errors);
        Assert.Equal(1, stats.Methods["FailSynchronouslyAsync"].Errors);
    }
}
