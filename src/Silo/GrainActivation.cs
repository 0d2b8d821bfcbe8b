using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Silo;

/// <summary>
/// One activation of a grain: its instance, its mailbox and its life cycle
/// (created → activating → valid → deactivating → deactivated). All state changes happen under <see cref="_lock"/>;
/// grain code never runs under it.
/// </summary>
internal sealed class GrainActivation
{
    [ThreadStatic]
    private static GrainActivation? t_constructing;

    private readonly Lock _lock = new();
    private readonly Queue<GrainCall> _mailbox = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private List<GrainCall>? _interleavedBacklog;
    private ActivationState _state;
    private int _runningExclusive;
    private int _runningReadOnly;
    private int _runningInterleaved;
    private bool _deactivateWhenIdle;
    private DateTimeOffset _lastActivity;
    private Grain? _grain;
    private AsyncServiceScope _scope;

    public GrainActivation(SiloRuntime runtime, GrainTypeInfo grainType, GrainId id)
    {
        Runtime = runtime;
        GrainType = grainType;
        Id = id;
        _lastActivity = runtime.TimeProvider.GetUtcNow();
    }

    private enum ActivationState
    {
        Created,
        Activating,
        Valid,
        Deactivating,
        Deactivated,
    }

    /// <summary>The activation whose grain instance is being constructed on this thread (read by <see cref="Silo.Grain"/>'s constructor).</summary>
    public static GrainActivation? Constructing => t_constructing;

    public SiloRuntime Runtime { get; }

    public GrainTypeInfo GrainType { get; }

    public GrainId Id { get; }

    public Grain Grain => _grain ?? throw new InvalidOperationException($"Grain {Id} has no instance.");

    /// <summary>Completes when this activation is deactivated (or failed to activate).</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>
    /// Accepts a call into this activation, starting the activation or the call as needed. Returns false when the
    /// activation is already deactivated; the caller then looks the grain up again.
    /// </summary>
    public bool TryEnqueue(GrainCall call)
    {
        GrainCall? runNow = null;
        bool activate = false, pump = false;
        lock (_lock)
        {
            if (_state == ActivationState.Deactivated)
            {
                return false;
            }

            call.Activation = this;
            var mode = call.Method.Interleave;
            if (_state == ActivationState.Valid && (mode == InterleaveMode.Always || (_mailbox.Count == 0 && CanRun(mode))))
            {
                // Fast path: nothing to wait for, so the call runs at once without arming a queue deadline.
                if (!call.TryBeginRun())
                {
                    return true;
                }

                MarkRunning(mode);
                runNow = call;
            }
            else
            {
                if (mode == InterleaveMode.Always && _state < ActivationState.Valid)
                {
                    (_interleavedBacklog ??= []).Add(call);
                }
                else
                {
                    _mailbox.Enqueue(call);
                }

                call.ArmForQueue();
                if (_state == ActivationState.Created)
                {
                    _state = ActivationState.Activating;
                    activate = true;
                }

                pump = _state == ActivationState.Valid;
            }
        }

        if (activate)
        {
            // Activation runs in a clean execution context: the first caller's ambient state is not the grain's.
            ThreadPool.UnsafeQueueUserWorkItem(static a => _ = a.ActivateAsync(), this, preferLocal: false);
        }
        else if (runNow is not null)
        {
            if (runNow.Start(this) && FinishTurn(runNow))
            {
                Pump();
            }
        }
        else if (pump)
        {
            Pump();
        }

        return true;
    }

    /// <summary>Starts every call the scheduling rules allow, in mailbox order, until none can start.</summary>
    public void Pump()
    {
        while (true)
        {
            GrainCall? next;
            var deactivate = false;
            lock (_lock)
            {
                next = TakeRunnable();
                if (next is null && _deactivateWhenIdle && _state == ActivationState.Valid && NothingRunning)
                {
                    _state = ActivationState.Deactivating;
                    deactivate = true;
                }
            }

            if (deactivate)
            {
                _ = DeactivateAsync(RequestedReason());
                return;
            }

            if (next is null)
            {
                return;
            }

            // Synchronously completed turns are finished here rather than recursively, so a long queue of
            // synchronous calls cannot overflow the stack.
            if (next.Start(this) && !FinishTurn(next))
            {
                return;
            }
        }
    }

    /// <summary>Called when a turn's method completes asynchronously.</summary>
    public void OnTurnCompleted(GrainCall call)
    {
        if (FinishTurn(call))
        {
            Pump();
        }
    }

    /// <summary>Deactivates this activation after the current turn (<see cref="Silo.Grain.DeactivateOnIdle"/>).</summary>
    public void RequestDeactivateOnIdle()
    {
        var deactivate = false;
        lock (_lock)
        {
            _deactivateWhenIdle = true;
            if (_state == ActivationState.Valid && NothingRunning)
            {
                _state = ActivationState.Deactivating;
                deactivate = true;
            }
        }

        if (deactivate)
        {
            _ = DeactivateAsync(RequestedReason());
        }
    }

    /// <summary>Starts deactivating when the activation has been idle since <paramref name="idleSince"/>; returns the deactivation or null.</summary>
    public Task? TryCollectIdle(DateTimeOffset idleSince)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || !NothingRunning || _lastActivity > idleSince || HasPendingCalls())
            {
                return null;
            }

            _state = ActivationState.Deactivating;
        }

        return DeactivateAsync(new DeactivationReason(DeactivationReasonCode.IdleCollection, "The activation was idle for the silo's idle timeout."));
    }

    /// <summary>
    /// Deactivates for shutdown: at once when idle, otherwise after the turn in progress. Calls still queued (the
    /// drain timed out) fail. Returns when the activation is deactivated.
    /// </summary>
    public Task DeactivateForShutdown()
    {
        List<GrainCall>? abandoned;
        bool deactivate = false, dropped = false;
        lock (_lock)
        {
            abandoned = TakePendingCalls();
            _deactivateWhenIdle = true;
            switch (_state)
            {
                case ActivationState.Created:
                    _state = ActivationState.Deactivated;
                    Runtime.Directory.TryRemove(new KeyValuePair<GrainId, GrainActivation>(Id, this));
                    dropped = true;
                    break;
                case ActivationState.Valid when NothingRunning:
                    _state = ActivationState.Deactivating;
                    deactivate = true;
                    break;
            }
        }

        FailAll(abandoned, static () => new SiloUnavailableException("The silo shut down before this grain call could run; it did not run."));
        if (dropped)
        {
            _deactivated.TrySetResult();
        }
        else if (deactivate)
        {
            _ = DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."));
        }

        return Deactivated;
    }

    private bool NothingRunning => _runningExclusive == 0 && _runningReadOnly == 0 && _runningInterleaved == 0;

    private DeactivationReason RequestedReason() => Runtime.IsStopping
        ? new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.")
        : new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "The grain called DeactivateOnIdle.");

    private bool CanRun(InterleaveMode mode) => mode switch
    {
        InterleaveMode.Exclusive => _runningExclusive == 0 && _runningReadOnly == 0,
        InterleaveMode.ReadOnly => _runningExclusive == 0,
        _ => true,
    };

    private void MarkRunning(InterleaveMode mode)
    {
        switch (mode)
        {
            case InterleaveMode.Exclusive:
                _runningExclusive++;
                break;
            case InterleaveMode.ReadOnly:
                _runningReadOnly++;
                break;
            default:
                _runningInterleaved++;
                break;
        }

        _lastActivity = Runtime.TimeProvider.GetUtcNow();
    }

    // Under _lock.
    private GrainCall? TakeRunnable()
    {
        if (_state != ActivationState.Valid)
        {
            return null;
        }

        while (_interleavedBacklog is { Count: > 0 })
        {
            var call = _interleavedBacklog[0];
            _interleavedBacklog.RemoveAt(0);
            if (call.TryBeginRun())
            {
                MarkRunning(InterleaveMode.Always);
                return call;
            }
        }

        while (_mailbox.TryPeek(out var head))
        {
            if (!head.IsPending)
            {
                _mailbox.Dequeue();
                continue;
            }

            var mode = head.Method.Interleave;
            if (!CanRun(mode))
            {
                return null;
            }

            _mailbox.Dequeue();
            if (head.TryBeginRun())
            {
                MarkRunning(mode);
                return head;
            }
        }

        return null;
    }

    /// <summary>Ends a turn and hands the caller its outcome. Returns false when the activation began deactivating.</summary>
    private bool FinishTurn(GrainCall call)
    {
        var deactivate = false;
        lock (_lock)
        {
            switch (call.Method.Interleave)
            {
                case InterleaveMode.Exclusive:
                    _runningExclusive--;
                    break;
                case InterleaveMode.ReadOnly:
                    _runningReadOnly--;
                    break;
                default:
                    _runningInterleaved--;
                    break;
            }

            _lastActivity = Runtime.TimeProvider.GetUtcNow();
            if (_deactivateWhenIdle && _state == ActivationState.Valid && NothingRunning)
            {
                _state = ActivationState.Deactivating;
                deactivate = true;
            }
        }

        call.CompleteFromMethod();
        if (deactivate)
        {
            _ = DeactivateAsync(RequestedReason());
            return false;
        }

        return true;
    }

    private bool HasPendingCalls()
    {
        foreach (var call in _mailbox)
        {
            if (call.IsPending)
            {
                return true;
            }
        }

        return _interleavedBacklog is not null && _interleavedBacklog.Exists(c => c.IsPending);
    }

    // Under _lock.
    private List<GrainCall>? TakePendingCalls()
    {
        List<GrainCall>? pending = null;
        if (_interleavedBacklog is not null)
        {
            foreach (var call in _interleavedBacklog)
            {
                if (call.IsPending)
                {
                    (pending ??= []).Add(call);
                }
            }

            _interleavedBacklog.Clear();
        }

        while (_mailbox.TryDequeue(out var call))
        {
            if (call.IsPending)
            {
                (pending ??= []).Add(call);
            }
        }

        return pending;
    }

    // Under _lock of a successor that nobody else can see yet.
    private void Adopt(List<GrainCall> calls)
    {
        _state = ActivationState.Activating;
        foreach (var call in calls)
        {
            call.Activation = this;
            if (call.Method.Interleave == InterleaveMode.Always)
            {
                (_interleavedBacklog ??= []).Add(call);
            }
            else
            {
                _mailbox.Enqueue(call);
            }
        }
    }

    private static void FailAll(List<GrainCall>? calls, Func<Exception> error)
    {
        if (calls is null)
        {
            return;
        }

        foreach (var call in calls)
        {
            call.Reject(error());
        }
    }

    private async Task ActivateAsync()
    {
        try
        {
            _scope = Runtime.Services.CreateAsyncScope();
            t_constructing = this;
            try
            {
                _grain = (Grain)GrainType.Factory(_scope.ServiceProvider, []);
            }
            finally
            {
                t_constructing = null;
            }

            await _grain.OnActivateAsync(Runtime.ForcedStopToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Runtime.Logger.ActivationFailed(error, GrainType.Name, Id.Key);
            await FailActivationAsync(error).ConfigureAwait(false);
            return;
        }

        lock (_lock)
        {
            _state = ActivationState.Valid;
            _lastActivity = Runtime.TimeProvider.GetUtcNow();
        }

        Runtime.OnActivated(this);
        Pump();
    }

    private async Task FailActivationAsync(Exception error)
    {
        List<GrainCall>? waiting;
        lock (_lock)
        {
            _state = ActivationState.Deactivated;
            waiting = TakePendingCalls();
            Runtime.Directory.TryRemove(new KeyValuePair<GrainId, GrainActivation>(Id, this));
        }

        await DisposeScopeAsync().ConfigureAwait(false);
        _deactivated.TrySetResult();
        var message = $"Grain {Id} failed to activate: {error.Message}";
        FailAll(waiting, () => new InvalidOperationException(message, error));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        try
        {
            await Grain.OnDeactivateAsync(reason, Runtime.ForcedStopToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // A failing hook must not keep the activation (or the calls queued behind it) alive.
            Runtime.Logger.DeactivationFailed(error, GrainType.Name, Id.Key, reason.ReasonCode);
        }

        await DisposeScopeAsync().ConfigureAwait(false);

        List<GrainCall>? forwarded;
        GrainActivation? successor = null;
        lock (_lock)
        {
            _state = ActivationState.Deactivated;
            forwarded = TakePendingCalls();
            if (forwarded is not null && !Runtime.IsStopping)
            {
                // Calls that arrived during deactivation go, in order, to a successor that takes this one's place
                // in the directory before anyone else can look it up, so nothing overtakes them.
                successor = new GrainActivation(Runtime, GrainType, Id);
                successor.Adopt(forwarded);
                Runtime.Directory.TryUpdate(Id, successor, this);
            }
            else
            {
                Runtime.Directory.TryRemove(new KeyValuePair<GrainId, GrainActivation>(Id, this));
            }
        }

        _grain = null;
        Runtime.OnDeactivated(this, reason);
        _deactivated.TrySetResult();
        if (successor is not null)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static a => _ = a.ActivateAsync(), successor, preferLocal: false);
        }
        else
        {
            FailAll(forwarded, static () => new SiloUnavailableException("The silo shut down before this grain call could run; it did not run."));
        }
    }

    private async ValueTask DisposeScopeAsync()
    {
        try
        {
            await _scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            Runtime.Logger.ScopeDisposalFailed(error, GrainType.Name, Id.Key);
        }
    }
}
