using System.Collections.Concurrent;

namespace HaloMcp.Silo.Tests;

/// <summary>What the test grains saw, shared through DI with the test that drives them.</summary>
public sealed class GrainProbe
{
    private int _activations;
    private int _deactivations;
    private int _inside;
    private int _maxInside;
    private int _readersInside;
    private int _meeting;

    public bool TrackKeys { get; set; } = true;

    public int ReadersExpected { get; set; }

    public int MeetingSize { get; set; }

    public int FailActivations;

    public int Activations => Volatile.Read(ref _activations);

    public int Deactivations => Volatile.Read(ref _deactivations);

    public int MaxInside => Volatile.Read(ref _maxInside);

    public int ReadersInside => Volatile.Read(ref _readersInside);

    public ConcurrentDictionary<string, int> ActivationsByKey { get; } = new();

    public ConcurrentQueue<string> Events { get; } = new();

    public TaskCompletionSource BlockStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ReleaseBlock { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource AllReadersInside { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource ReleaseReaders { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource AllMet { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource? DeactivationGate { get; set; }

    public TaskCompletionSource DeactivationStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OnActivated(string key)
    {
        Interlocked.Increment(ref _activations);
        if (TrackKeys)
        {
            ActivationsByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
            Events.Enqueue($"activate:{key}");
        }
    }

    public void OnDeactivated(string key, DeactivationReason reason)
    {
        Interlocked.Increment(ref _deactivations);
        if (TrackKeys)
        {
            Events.Enqueue($"deactivate:{key}:{reason.ReasonCode}");
        }
    }

    public void Enter(string what)
    {
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInside)) && Interlocked.CompareExchange(ref _maxInside, inside, max) != max)
        {
        }

        Events.Enqueue($"enter:{what}");
    }

    public void Exit(string what)
    {
        Events.Enqueue($"exit:{what}");
        Interlocked.Decrement(ref _inside);
    }

    public void ReaderEnter()
    {
        if (Interlocked.Increment(ref _readersInside) == ReadersExpected)
        {
            AllReadersInside.TrySetResult();
        }
    }

    public void ReaderExit() => Interlocked.Decrement(ref _readersInside);

    public Task Meet()
    {
        if (Interlocked.Increment(ref _meeting) == MeetingSize)
        {
            AllMet.TrySetResult();
        }

        return AllMet.Task;
    }
}
