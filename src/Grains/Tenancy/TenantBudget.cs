using HaloMcp.Grains.Errors;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// One tenant's HaloPSA request budget: never more than N upstream requests in any rolling window W. Callers over
/// budget wait in arrival order until a permit frees up or their deadline passes; a caller whose deadline comes before
/// the next free slot is told at once, with the real wait; a 429 from HaloPSA pauses the tenant for the time it names.
/// </summary>
/// <remarks>
/// It runs on the tenant grain's scheduler (one turn at a time, interleaved at awaits), so it holds no lock. The grain
/// wakes it with a grain timer (<paramref name="scheduleWakeUp"/>) when the next slot comes; a waiter that gives up
/// only completes its own task, and the queue drops it at the next look. The window enforced is W plus
/// <see cref="BudgetEnforcementOptions.SkewMargin"/>: a permit is granted before its request reaches HaloPSA, and the
/// margin keeps network delay from pushing two windows' worth into one of HaloPSA's.
/// </remarks>
/// <param name="budget">The tenant's N per W as configured now.</param>
/// <param name="time">The clock.</param>
/// <param name="options">The skew margin.</param>
/// <param name="scheduleWakeUp">Arranges a call to <see cref="WakeUp"/> after the given delay (replacing any earlier one).</param>
/// <param name="granted">Told the time of every permit granted (for observation).</param>
/// <param name="journal">
/// Where permits are reserved durably before they are handed out (<see cref="BudgetEnforcementOptions.ReservationBlock"/>
/// at a time, or as many as are waiting); null: the budget lives in memory only.
/// </param>
public sealed class TenantBudget(
    Func<RequestBudget> budget,
    TimeProvider time,
    BudgetEnforcementOptions options,
    Action<TimeSpan> scheduleWakeUp,
    Action<DateTimeOffset>? granted = null,
    IPermitJournal? journal = null)
{
    // What a caller refused with room in the window is told: the next attempt can come at once.
    private static readonly TimeSpan MinimumRetryAfter = TimeSpan.FromSeconds(1);

    private readonly RequestGrantLog _log = new();
    private readonly LinkedList<Waiter> _queue = new();
    private DateTimeOffset? _wakeUpAt;
    private Task? _reserving;
    private int _reservingCount;

    /// <summary>Permits granted at once.</summary>
    public long GrantedImmediately { get; private set; }

    /// <summary>Permits granted after waiting in the queue.</summary>
    public long GrantedAfterWaiting { get; private set; }

    /// <summary>Callers refused because their deadline came before a permit could.</summary>
    public long Rejected { get; private set; }

    /// <summary>
    /// Callers the budget holds back right now: those that gave up are not counted, nor those a durable reservation
    /// being written will serve in a moment.
    /// </summary>
    public int QueueLength => Math.Max(0, Queued - (_reserving is null ? 0 : _reservingCount));

    /// <summary>The budget actually enforced: the tenant's N over its window plus the skew margin.</summary>
    public RequestBudget EnforcedBudget
    {
        get
        {
            var configured = budget();
            return configured with { Window = configured.Window + options.SkewMargin };
        }
    }

    /// <summary>Whether nothing of this budget still counts: no grant in the window, no pause, nobody waiting.</summary>
    public bool IsIdle => Queued == 0 && _log.IsIdle(EnforcedBudget, time.GetUtcNow());

    private int Queued => _queue.Count(w => !w.Task.IsCompleted);

    /// <summary>Takes one permit for one upstream request, waiting in arrival order until <paramref name="deadline"/>.</summary>
    /// <returns>True when the caller had to wait for it.</returns>
    /// <exception cref="HaloOperationException">With <see cref="HaloFailureKind.RateLimited"/> when no permit can be had by the deadline.</exception>
    public ValueTask<bool> AcquireAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var reserving = false;
        if (FirstWaiting() is null)
        {
            var decision = TryGrant(now, waiting: 1);
            if (decision.Granted)
            {
                GrantedImmediately++;
                granted?.Invoke(now);
                return ValueTask.FromResult(false);
            }

            if (decision.NextSlotAt <= now)
            {
                // The window has room; the permit waits for its durable reservation.
                reserving = true;
            }
            else if (deadline < decision.NextSlotAt)
            {
                Rejected++;
                return ValueTask.FromException<bool>(RateLimited(decision.NextSlotAt - now, decision.Paused));
            }
            else
            {
                ScheduleWakeUp(decision.NextSlotAt, now);
            }
        }

        var waiter = new Waiter(deadline);
        _queue.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            // Only the waiter's own task changes here (the callback may run on any thread); the queue drops it later.
            waiter.Registration = cancellationToken.Register(static s => ((Waiter)s!).TrySetCanceled(), waiter);
        }

        if (_wakeUpAt is null && !reserving && _reserving is null)
        {
            Pump();
        }

        return new ValueTask<bool>(waiter.Task);
    }

    /// <summary>HaloPSA answered 429: hold every permit back for <paramref name="retryAfter"/>.</summary>
    public void Pause(TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        _log.Pause(now + retryAfter);
    }

    /// <summary>Permits in the current window and any pause, for dashboards and tools.</summary>
    public BudgetUsage Usage() => _log.Usage(EnforcedBudget, time.GetUtcNow());

    /// <summary>The next slot may have come: serves waiters in order while permits last.</summary>
    public void WakeUp()
    {
        _wakeUpAt = null;
        Pump();
    }

    /// <summary>
    /// Counts permits a journal says were spent (a recovering activation's start): each entry's permits as granted at its
    /// time, oldest first. Call before the first permit.
    /// </summary>
    public void Restore(IEnumerable<(DateTimeOffset At, int Count)> spent, DateTimeOffset? pausedUntil)
    {
        foreach (var (at, count) in spent.OrderBy(s => s.At))
        {
            _log.Record(at, count);
        }

        if (pausedUntil is { } until)
        {
            _log.Pause(until);
        }
    }

    /// <summary>The pause in force now, if any (for the journal).</summary>
    public DateTimeOffset? PausedUntil => _log.PausedUntil(time.GetUtcNow());

    /// <summary>The reservation being written, if any (the grain awaits it before it deactivates).</summary>
    public Task Reserving => _reserving ?? Task.CompletedTask;

    /// <summary>Fails every waiter (the tenant grain is going away).</summary>
    public void Abandon() => FailAll("The tenant's request budget moved; try again.");

    private void FailAll(string message)
    {
        foreach (var waiter in _queue)
        {
            waiter.TrySetException(new HaloOperationException(HaloFailureKind.Unavailable, message));
            waiter.Registration.Dispose();
        }

        _queue.Clear();
    }

    // A permit needs room in the window and, with a journal, a durable reservation that covers it. When the window has
    // room but nothing is reserved, a reservation starts (one at a time) and the decision says "not yet, but now": the
    // waiters are served when it is written.
    private BudgetDecision TryGrant(DateTimeOffset now, int waiting)
    {
        var enforced = EnforcedBudget;
        if (journal is not null && journal.Available == 0)
        {
            var check = _log.Check(enforced, now);
            if (check.Granted && _reserving is null)
            {
                var room = enforced.Requests - check.InWindow;
                _reservingCount = Math.Clamp(Math.Max(options.ReservationBlock, waiting), 1, room);
                _reserving = ReserveAsync(_reservingCount, now, now - enforced.Window);
            }

            return check with { Granted = false };
        }

        var decision = _log.TryTake(enforced, now);
        if (decision.Granted)
        {
            journal?.Spend(now);
        }

        return decision;
    }

    private async Task ReserveAsync(int count, DateTimeOffset now, DateTimeOffset windowStart)
    {
        // Returns to the caller first, so that it queues before the reservation can complete.
        await Task.Yield();
        try
        {
            await journal!.ReserveAsync(count, now, windowStart, _log.PausedUntil(now));
        }
        catch (Exception ex)
        {
            // Without a durable record no permit may go out: whoever waits hears it at once (a storage outage, or another
            // activation of this tenant that took over the journal).
            _reserving = null;
            FailAll($"The tenant's request budget could not be recorded ({ex.GetType().Name}); try again.");
            return;
        }

        _reserving = null;
        Pump();
    }

    private void Pump()
    {
        while (FirstWaiting() is { } head)
        {
            var now = time.GetUtcNow();
            if (head.Deadline < now)
            {
                // Its deadline passed while it waited (for a slot or for a reservation to be written).
                var next = _log.Check(EnforcedBudget, now).NextSlotAt - now;
                Refuse(head, next > MinimumRetryAfter ? next : MinimumRetryAfter);
                continue;
            }

            var decision = TryGrant(now, _queue.Count);
            if (!decision.Granted && decision.NextSlotAt <= now)
            {
                // The window has room: the reservation under way serves the queue when it is written.
                return;
            }

            if (!decision.Granted)
            {
                // Nobody queued can be served before the next slot: refuse those whose deadline comes first, now,
                // with an honest retry time, instead of letting them wait for nothing.
                RefuseThoseDueBefore(decision.NextSlotAt, now, decision.Paused);
                if (FirstWaiting() is not null)
                {
                    ScheduleWakeUp(decision.NextSlotAt, now);
                }

                return;
            }

            _queue.RemoveFirst();
            head.Registration.Dispose();
            if (head.TrySetResult(true))
            {
                GrantedAfterWaiting++;
                granted?.Invoke(now);
            }

            // A waiter that gave up as its permit came leaves it unused; it is spent and simply counts in the window.
        }
    }

    // Drops waiters that gave up from the head of the queue and returns the first one still waiting.
    private Waiter? FirstWaiting()
    {
        while (_queue.First is { } node && node.Value.Task.IsCompleted)
        {
            node.Value.Registration.Dispose();
            _queue.RemoveFirst();
        }

        return _queue.First?.Value;
    }

    private void RefuseThoseDueBefore(DateTimeOffset nextSlotAt, DateTimeOffset now, bool paused)
    {
        for (var node = _queue.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Task.IsCompleted || node.Value.Deadline < nextSlotAt)
            {
                _queue.Remove(node);
                node.Value.Registration.Dispose();
                if (node.Value.TrySetException(RateLimited(nextSlotAt - now, paused)))
                {
                    Rejected++;
                }
            }

            node = next;
        }
    }

    private void Refuse(Waiter waiter, TimeSpan retryAfter)
    {
        _queue.Remove(waiter);
        waiter.Registration.Dispose();
        if (waiter.TrySetException(RateLimited(retryAfter, paused: false)))
        {
            Rejected++;
        }
    }

    private void ScheduleWakeUp(DateTimeOffset at, DateTimeOffset now)
    {
        if (_wakeUpAt is { } pending && pending <= at)
        {
            return;
        }

        _wakeUpAt = at;
        var due = at - now;
        scheduleWakeUp(due < TimeSpan.Zero ? TimeSpan.Zero : due);
    }

    // A pause after HaloPSA's own 429 is not this tenant's budget being spent: another integration may share HaloPSA's limit.
    private static HaloOperationException RateLimited(TimeSpan retryAfter, bool paused) =>
        HaloOperationException.RateLimited(retryAfter, paused
            ? "HaloPSA answered 429 (its limit is shared with any other integration of the instance), so requests are held back"
            : "the tenant's HaloPSA request budget is spent");

    private sealed class Waiter(DateTimeOffset deadline) : TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public DateTimeOffset Deadline { get; } = deadline;

        public CancellationTokenRegistration Registration { get; set; }
    }
}
