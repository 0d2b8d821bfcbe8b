using HaloMcp.Grains;

namespace HaloMcp.Silo.Tests;

public sealed class TestGrain(GrainProbe probe) : Grain, ITestGrain
{
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private int _count;
    private bool _deactivated;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnActivated(GetPrimaryKeyString());
        if (Volatile.Read(ref probe.FailActivations) > 0 && Interlocked.Decrement(ref probe.FailActivations) >= 0)
        {
            throw new InvalidOperationException("activation refused");
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.DeactivationStarted.TrySetResult();
        if (probe.DeactivationGate is { } gate)
        {
            await gate.Task;
        }

        probe.OnDeactivated(GetPrimaryKeyString(), reason);
        _deactivated = true;
    }

    public Task<int> IncrementAsync()
    {
        if (_deactivated)
        {
            probe.Events.Enqueue("call-on-deactivated-instance");
        }

        return Task.FromResult(++_count);
    }

    public async ValueTask<int> IncrementValueAsync()
    {
        await Task.Yield();
        return ++_count;
    }

    public Task<int> GetAsync() => Task.FromResult(_count);

    public async Task FailAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("boom");
    }

    public Task FailSynchronouslyAsync() => throw new ArgumentException("bad argument");

    public async Task EnterAsync(int n)
    {
        probe.Enter(n.ToString());
        await Task.Yield();
        _count++;
        probe.Exit(n.ToString());
    }

    public async Task EnterWithTokenAsync(int n, CancellationToken cancellationToken)
    {
        probe.Enter(n.ToString());
        await Task.Yield();
        probe.Exit(n.ToString());
    }

    public async Task BlockAsync()
    {
        probe.Enter("block");
        probe.BlockStarted.TrySetResult();
        await probe.ReleaseBlock.Task;
        probe.Exit("block");
    }

    public async Task ReadAndHoldAsync()
    {
        probe.ReaderEnter();
        await probe.ReleaseReaders.Task;
        probe.ReaderExit();
    }

    public async Task WriteAsync(string tag)
    {
        probe.Events.Enqueue($"write:{tag}:readers={probe.ReadersInside}");
        probe.Enter(tag);
        await Task.Yield();
        probe.Exit(tag);
    }

    public async Task ReadAsync(string tag)
    {
        probe.Events.Enqueue($"read:{tag}");
        await Task.Yield();
    }

    public Task<int> PeekAsync() => Task.FromResult(_count);

    public async Task WaitForCancellationAsync(CancellationToken cancellationToken)
    {
        probe.BlockStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Events.Enqueue("token-fired");
            throw;
        }
    }

    public Task<DateTimeOffset?> GetDeadlineAsync() => Task.FromResult(GrainCallContext.Deadline);

    public Task<string> InstanceAsync() => Task.FromResult(_instance);

    public Task<string> CallSelfAsync() => GrainFactory.GetGrain<ITestGrain>(GetPrimaryKeyString()).InstanceAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public async ValueTask MeetAsync() => await probe.Meet();
}
