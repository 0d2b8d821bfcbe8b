namespace HaloMcp.Silo;

/// <summary>A grain call whose result is <typeparamref name="T"/>.</summary>
internal sealed class GrainCall<T>(SiloRuntime runtime, GrainMethod<T> method, GrainId target, object?[] args)
    : GrainCall(runtime, method, target, args)
{
    // Callers' continuations never run inside the silo's scheduling code.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ValueTask<T> _pending;
    private T _result = default!;

    public Task<T> Task => _outcome.Task;

    public override void CompleteFromMethod()
    {
        try
        {
            _result = _pending.GetAwaiter().GetResult();
        }
        catch (Exception error)
        {
            Complete(TranslateMethodError(error));
            return;
        }

        Complete(null);
    }

    protected override bool InvokeMethod(Grain grain, CancellationToken cancellationToken)
    {
        // The method's ValueTask is kept until the turn completes and consumed exactly once, in CompleteFromMethod.
#pragma warning disable CA2012
        try
        {
            _pending = method.Invoke(grain, Args, cancellationToken);
        }
        catch (Exception error)
        {
            _pending = ValueTask.FromException<T>(error);
        }
#pragma warning restore CA2012

        if (_pending.IsCompleted)
        {
            return true;
        }

        _pending.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(OnMethodCompleted);
        return false;
    }

    protected override void SetOutcome(Exception? error)
    {
        if (error is null)
        {
            _outcome.TrySetResult(_result);
        }
        else if (error is OperationCanceledException canceled)
        {
            _outcome.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _outcome.TrySetException(error);
        }
    }
}
