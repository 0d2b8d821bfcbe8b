namespace HaloMcp.Grains;

/// <summary>
/// The ambient call options that flow with grain calls made from the current async flow (Orleans'
/// <c>RequestContext</c> idea, narrowed to deadlines).
/// </summary>
/// <remarks>
/// Inside a grain turn the silo sets <see cref="Deadline"/> to the deadline of the call being served, so a grain can
/// see how long its caller is willing to wait, and calls it makes to other grains inherit that deadline.
/// </remarks>
public static class GrainCallContext
{
    private static readonly AsyncLocal<CallDeadline?> Current = new();

    /// <summary>
    /// The absolute deadline set by the innermost <see cref="WithDeadline"/> scope (or by the silo inside a turn),
    /// or null when none is set.
    /// </summary>
    public static DateTimeOffset? Deadline => Current.Value?.Deadline;

    /// <summary>The relative timeout set by the innermost <see cref="WithTimeout"/> scope, or null when none is set.</summary>
    public static TimeSpan? Timeout => Current.Value?.Timeout;

    /// <summary>
    /// Makes grain calls started in this async flow, until the returned scope is disposed, fail when they have not
    /// completed by <paramref name="deadline"/> (measured with the silo's <see cref="TimeProvider"/>).
    /// </summary>
    /// <param name="deadline">The absolute deadline.</param>
    /// <returns>A scope that restores the previous call options when disposed.</returns>
    public static IDisposable WithDeadline(DateTimeOffset deadline) => Push(new CallDeadline(deadline, null));

    /// <summary>
    /// Gives each grain call started in this async flow, until the returned scope is disposed, <paramref name="timeout"/>
    /// to complete (instead of the silo's default call timeout). <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>
    /// means no deadline.
    /// </summary>
    /// <param name="timeout">The per-call timeout; positive or infinite.</param>
    /// <returns>A scope that restores the previous call options when disposed.</returns>
    public static IDisposable WithTimeout(TimeSpan timeout)
    {
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        }

        return Push(new CallDeadline(null, timeout));
    }

    private static Scope Push(CallDeadline value)
    {
        var scope = new Scope(Current.Value);
        Current.Value = value;
        return scope;
    }

    private sealed record CallDeadline(DateTimeOffset? Deadline, TimeSpan? Timeout);

    private sealed class Scope(CallDeadline? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Current.Value = previous;
        }
    }
}
