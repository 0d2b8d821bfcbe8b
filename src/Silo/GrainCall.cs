using HaloMcp.Grains;

namespace HaloMcp.Silo;

/// <summary>
/// One call to a grain, from the moment a reference is invoked until its caller sees the outcome. It waits in the
/// activation's mailbox, runs as a turn, and completes exactly once: with the method's outcome, or without running
/// (deadline passed, caller cancelled, silo stopping).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The deadline source is disposed when the call completes, which happens exactly once.")]
internal abstract class GrainCall
{
    private const int Pending = 0;
    private const int Running = 1;
    private const int Done = 2;

    private int _state;
    private CancellationTokenSource? _deadlineSource;
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _queueRegistration;
    private volatile GrainActivation? _activation;
    private bool _completedSynchronously;
    private CancellationToken _turnToken;

    protected GrainCall(SiloRuntime runtime, GrainMethod method, GrainId target, object?[] args)
    {
        Runtime = runtime;
        Method = method;
        Target = target;
        Args = args;
        CallerToken = method.CancellationTokenIndex >= 0 && args[method.CancellationTokenIndex] is CancellationToken token
            ? token
            : CancellationToken.None;
        Context = ExecutionContext.Capture();
        StartTimestamp = runtime.TimeProvider.GetTimestamp();
        Deadline = ComputeDeadline(runtime);
    }

    public SiloRuntime Runtime { get; }

    public GrainMethod Method { get; }

    public GrainId Target { get; }

    public object?[] Args { get; }

    public CancellationToken CallerToken { get; }

    /// <summary>When the call must have completed; <see cref="DateTimeOffset.MaxValue"/> when it has no deadline.</summary>
    public DateTimeOffset Deadline { get; }

    public ExecutionContext? Context { get; }

    public long StartTimestamp { get; }

    /// <summary>Whether the silo counts this call among those it must drain before stopping.</summary>
    public bool InFlight { get; set; }

    /// <summary>The activation whose mailbox holds the call (it changes when a deactivation forwards the call).</summary>
    public GrainActivation? Activation
    {
        get => _activation;
        set => _activation = value;
    }

    public bool IsPending => Volatile.Read(ref _state) == Pending;

    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>Claims the call for running; false when it already completed (cancelled or timed out while queued).</summary>
    public bool TryBeginRun() => Interlocked.CompareExchange(ref _state, Running, Pending) == Pending;

    /// <summary>Completes a call that has not run (and now never will), unless it already completed.</summary>
    public void Reject(Exception error)
    {
        if (Interlocked.CompareExchange(ref _state, Done, Pending) == Pending)
        {
            Complete(error);
        }
    }

    /// <summary>
    /// Arms the deadline and caller cancellation for a call that waits in a mailbox: when either fires first, the
    /// call completes without running and is skipped when it reaches the head of the queue.
    /// </summary>
    public void ArmForQueue()
    {
        ArmDeadline();
        _queueRegistration = _deadlineSource!.Token.UnsafeRegister(static s => ((GrainCall)s!).OnCancelledWhileQueued(), this);
    }

    /// <summary>Runs the grain method as this call's turn. Returns true when the method completed synchronously.</summary>
    public bool Start(GrainActivation activation)
    {
        _queueRegistration.Unregister();
        var token = CancellationToken.None;
        if (Method.CancellationTokenIndex >= 0)
        {
            ArmDeadline();
            token = _deadlineSource!.Token;
            Args[Method.CancellationTokenIndex] = token;
        }

        if (Context is null)
        {
            var previous = CallChain.Current;
            try
            {
                return RunInTurn(activation, token);
            }
            finally
            {
                CallChain.Current = previous;
            }
        }

        // The turn runs in its caller's execution context (logging scopes, activities, call options), not in
        // whichever caller's flow happens to pump the mailbox.
        _turnToken = token;
        ExecutionContext.Run(Context, static s => ((GrainCall)s!).RunInCallerContext(), this);
        return _completedSynchronously;
    }

    /// <summary>Completes the call with the outcome of the method it ran.</summary>
    public abstract void CompleteFromMethod();

    protected abstract bool InvokeMethod(Grain grain, CancellationToken cancellationToken);

    protected abstract void SetOutcome(Exception? error);

    protected void OnMethodCompleted() => Activation!.OnTurnCompleted(this);

    /// <summary>Records the outcome and releases what the call held; the caller sees it last.</summary>
    protected void Complete(Exception? error)
    {
        Volatile.Write(ref _state, Done);
        _queueRegistration.Unregister();
        _callerRegistration.Unregister();
        _deadlineSource?.Dispose();
        Runtime.OnCallCompleted(this, error);
        SetOutcome(error);
    }

    /// <summary>Turns the cancellation our deadline caused into the timeout the caller expects.</summary>
    protected Exception TranslateMethodError(Exception error) =>
        error is OperationCanceledException && _deadlineSource is { IsCancellationRequested: true } && !CallerToken.IsCancellationRequested
            ? new TimeoutException($"The call to {Method.DisplayName} on {Target} was cancelled at its deadline ({Deadline:O}).", error)
            : error;

    private void RunInCallerContext() => _completedSynchronously = RunInTurn(_activation!, _turnToken);

    private bool RunInTurn(GrainActivation activation, CancellationToken token)
    {
        CallChain.Current = new CallChainNode(activation, this, CallChain.Current);
        var deadlineScope = Deadline == DateTimeOffset.MaxValue ? null : GrainCallContext.WithDeadline(Deadline);
        try
        {
            return InvokeMethod(activation.Grain, token);
        }
        finally
        {
            if (Context is null)
            {
                deadlineScope?.Dispose();
            }
        }
    }

    private void ArmDeadline()
    {
        if (_deadlineSource is not null)
        {
            return;
        }

        if (Deadline == DateTimeOffset.MaxValue)
        {
            _deadlineSource = new CancellationTokenSource();
        }
        else
        {
            var remaining = Deadline - Runtime.TimeProvider.GetUtcNow();
            _deadlineSource = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), Runtime.TimeProvider);
        }

        if (CallerToken.CanBeCanceled)
        {
            _callerRegistration = CallerToken.UnsafeRegister(static s => ((GrainCall)s!).OnCallerCancelled(), this);
        }
    }

    private void OnCallerCancelled()
    {
        try
        {
            _deadlineSource?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call completed while the caller was cancelling: nothing left to cancel.
        }
    }

    private void OnCancelledWhileQueued()
    {
        if (Interlocked.CompareExchange(ref _state, Done, Pending) != Pending)
        {
            return;
        }

        Complete(CallerToken.IsCancellationRequested
            ? new OperationCanceledException($"The call to {Method.DisplayName} on {Target} was cancelled before it ran.", CallerToken)
            : new TimeoutException($"The call to {Method.DisplayName} on {Target} did not start before its deadline ({Deadline:O}); it did not run."));

        // A cancelled call at the head of the queue may have been holding back read-only calls behind it.
        if (Activation is { } activation)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static a => a.Pump(), activation, preferLocal: false);
        }
    }

    private DateTimeOffset ComputeDeadline(SiloRuntime runtime)
    {
        if (GrainCallContext.Timeout is { } timeout)
        {
            return timeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : runtime.TimeProvider.GetUtcNow() + timeout;
        }

        if (GrainCallContext.Deadline is { } deadline)
        {
            return deadline;
        }

        var defaultTimeout = runtime.Options.DefaultCallTimeout;
        return defaultTimeout == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : runtime.TimeProvider.GetUtcNow() + defaultTimeout;
    }
}
