namespace HaloMcp.TestSupport;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so. Timers created through it
/// (including <c>Task.Delay(..., timeProvider)</c> and <c>CancellationTokenSource(delay, timeProvider)</c>)
/// fire when <see cref="Advance"/> moves the clock past their due time, in due-time order.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.TimeProvider.Testing is not on our registry, so this is our own. Timer callbacks run
/// synchronously on the thread that calls <see cref="Advance"/>, outside the provider's lock.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now;
    private long _sequence;

    /// <summary>Creates a clock that starts at <paramref name="start"/> (default 2026-01-05T08:00:00Z).</summary>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>The number of timers that are armed and not yet fired or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>The earliest due time among armed timers, or null when none is armed.</summary>
    public DateTimeOffset? NextDueAt
    {
        get
        {
            lock (_gate)
            {
                return _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt).Min();
            }
        }
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in order.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + delta;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers
                    .Where(t => t.DueAt is not null && t.DueAt <= target)
                    .OrderBy(t => t.DueAt)
                    .ThenBy(t => t.Sequence)
                    .FirstOrDefault();
                if (next is null)
                {
                    _now = target;
                    return;
                }

                if (next.DueAt > _now)
                {
                    _now = next.DueAt!.Value;
                }

                next.Rearm(_now);
            }

            next.Fire();
        }
    }

    /// <summary>Sets the clock to <paramref name="when"/>, which must not be in the past.</summary>
    public void AdvanceTo(DateTimeOffset when) => Advance(when - GetUtcNow());

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            timer.Sequence = ++_sequence;
            _timers.Add(timer);
            timer.Schedule(_now, dueTime, period);
        }

        return timer;
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public long Sequence { get; set; }

        public DateTimeOffset? DueAt { get; private set; }

        // Called under the owner's lock.
        public void Schedule(DateTimeOffset now, TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : now + dueTime;
        }

        // Called under the owner's lock, just before firing: periodic timers re-arm, one-shots disarm.
        public void Rearm(DateTimeOffset now)
        {
            DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : now + _period;
        }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                Schedule(owner._now, dueTime, period);
            }

            return true;
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
