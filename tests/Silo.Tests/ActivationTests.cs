namespace HaloMcp.Silo.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task Thousand_concurrent_first_calls_to_one_key_make_one_activation()
    {
        await using var silo = await SiloHarness.StartAsync();
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() =>
            {
                start.Wait();
                return silo.Grain("one").IncrementAsync();
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(calls).Guard();

        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
        Assert.Equal(1, silo.Probe.ActivationsByKey["one"]);
        Assert.Equal(1, silo.Statistics.GetStatistics().GrainTypes["TestGrain"].Activations);
    }

    [Fact]
    public async Task Different_keys_get_different_activations()
    {
        await using var silo = await SiloHarness.StartAsync();

        var instances = await Task.WhenAll(Enumerable.Range(0, 100)
            .SelectMany(i => Enumerable.Range(0, 5).Select(_ => Task.Run(() => silo.Grain($"key-{i}").InstanceAsync()))))
            .Guard();

        Assert.Equal(100, instances.Distinct().Count());
        Assert.Equal(100, silo.Probe.Activations);
        Assert.All(silo.Probe.ActivationsByKey.Values, n => Assert.Equal(1, n));
        Assert.Equal(100, silo.Statistics.GetStatistics().Activations);
    }

    [Fact]
    public async Task Getting_a_reference_activates_nothing()
    {
        await using var silo = await SiloHarness.StartAsync();

        var grain = silo.Grain("lazy");

        Assert.Equal(0, silo.Probe.Activations);
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);
        Assert.Equal(1, await grain.IncrementAsync().Guard());
        Assert.Equal(1, silo.Probe.Activations);
    }

    [Fact]
    public async Task Value_task_methods_and_keys_reach_the_grain()
    {
        await using var silo = await SiloHarness.StartAsync();
        var grain = silo.Grain("vt");

        Assert.Equal(1, await grain.IncrementValueAsync().AsTask().Guard());
        Assert.Equal(2, await grain.IncrementValueAsync().AsTask().Guard());
        Assert.Equal(2, await grain.GetAsync().Guard());
        Assert.Contains("vt", grain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_activation_fails_the_waiting_call_and_the_next_call_activates_afresh()
    {
        await using var silo = await SiloHarness.StartAsync();
        silo.Probe.FailActivations = 1;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grain("fragile").IncrementAsync().Guard());
        Assert.Contains("failed to activate", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, silo.Statistics.GetStatistics().Activations);

        Assert.Equal(1, await silo.Grain("fragile").IncrementAsync().Guard());
        Assert.Equal(2, silo.Probe.ActivationsByKey["fragile"]);
    }

    [Fact]
    public async Task Unregistered_grain_interface_is_a_clear_error()
    {
        await using var silo = await SiloHarness.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => silo.Grains.GetGrain<IUnregisteredGrain>("x"));
        Assert.Contains("IUnregisteredGrain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grain_calling_itself_inside_its_turn_fails_clearly_instead_of_deadlocking()
    {
        await using var silo = await SiloHarness.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.Grain("narcissus").CallSelfAsync().Guard());

        Assert.Contains("on itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await silo.Grain("narcissus").IncrementAsync().Guard());
    }

    [Fact]
    public async Task Grain_cannot_be_constructed_outside_the_silo()
    {
        await using var silo = await SiloHarness.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => new TestGrain(silo.Probe));
        Assert.Contains("IGrainFactory", error.Message, StringComparison.Ordinal);
    }
}
