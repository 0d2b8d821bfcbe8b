using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Cluster;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// One tenant's HaloPSA request budget: never more than N upstream requests in any rolling window W. Callers over
/// budget wait in arrival order until a permit frees up or their deadline passes; a 429 from HaloPSA pauses the
/// tenant for the time it names.
/// </summary>
/// <remarks>
/// The permits themselves live in an <see cref="IRequestBudgetStore"/> so that a cluster shares one budget. The
/// window used is W plus <see cref="BudgetEnforcementOptions.SkewMargin"/>: a permit is granted before its request reaches
/// HaloPSA, and the margin keeps network delay from pushing two windows' worth into one of HaloPSA's.
/// </remarks>
public sealed class TenantBudget : IDisposable
{
    private readonly string _key;
    private readonly Func<RequestBudget> _budget;
    private readonly IRequestBudgetStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _skewMargin;
    private readonly Lock _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _wakeUp;
    private bool _pumping;
    private long _granted;
    private long _waited;
    private long _rejected;

    /// <summary>Creates the budget of the tenant whose store key is <paramref name="key"/>.</summary>
    public TenantBudget(string key, Func<RequestBudget> budget, IRequestBudgetStore store, TimeProvider time, BudgetEnforcementOptions options)
    {
        _key = key;
        _budget = budget;
        _store = store;
        _time = time;
        _skewMargin = options.SkewMargin;
        _wakeUp = time.CreateTimer(static s => ((TenantBudget)s!).OnWakeUp(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Permits granted at once.</summary>
    public long GrantedImmediately => Interlocked.Read(ref _granted);

    /// <summary>Permits granted after waiting in the queue.</summary>
    public long GrantedAfterWaiting => Interlocked.Read(ref _waited);

    /// <summary>Callers refused because their deadline came before a permit could.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Callers waiting right now.</summary>
    public int QueueLength
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>The budget actually enforced: the tenant's N over its window plus the skew margin.</summary>
    public RequestBudget EnforcedBudget
    {
        get
        {
            var budget = _budget();
            return budget with { Window = budget.Window + _skewMargin };
        }
    }

    /// <summary>
    /// Takes one permit for one upstream request, waiting in arrival order until <paramref name="deadline"/>.
    /// </summary>
    /// <exception cref="HaloOperationException">With <see cref="HaloFailureKind.RateLimited"/> when no permit can be had by the deadline.</exception>
    public ValueTask AcquireAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new Waiter(deadline);
        bool startPump;
        lock (_gate)
        {
            waiter.Node = _queue.AddLast(waiter);
            startPump = !_pumping;
            _pumping = true;
        }

        if (!startPump)
        {
            return waiter.Register(this, cancellationToken);
        }

        var pump = PumpAsync(CancellationToken.None);
        if (waiter.Task.IsCompleted)
        {
            // The fast path: the queue was empty and the store answered synchronously.
            Observe(pump);
            return new ValueTask(waiter.Task);
        }

        Observe(pump);
        return waiter.Register(this, cancellationToken);
    }

    /// <summary>HaloPSA answered 429: hold every permit back for <paramref name="retryAfter"/>.</summary>
    public async ValueTask PauseAsync(TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        await _store.PauseAsync(_key, _time.GetUtcNow() + retryAfter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Permits in the current window and any pause, for dashboards and tools.</summary>
    public ValueTask<BudgetUsage> GetUsageAsync(CancellationToken cancellationToken) =>
        _store.GetUsageAsync(_key, EnforcedBudget, _time.GetUtcNow(), cancellationToken);

    /// <summary>Releases the store's record of this tenant if nothing in it still counts (the tenant went idle).</summary>
    public ValueTask<bool> ForgetIfIdleAsync(CancellationToken cancellationToken) =>
        _store.ForgetIfIdleAsync(_key, EnforcedBudget, _time.GetUtcNow(), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        _wakeUp.Dispose();
        List<Waiter> abandoned;
        lock (_gate)
        {
            abandoned = [.. _queue];
            _queue.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(TenantBudget)));
        }
    }

    private static void Observe(Task pump)
    {
        if (!pump.IsCompleted)
        {
            pump.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    private void OnWakeUp()
    {
        lock (_gate)
        {
            if (_pumping || _queue.Count == 0)
            {
                return;
            }

            _pumping = true;
        }

        Observe(PumpAsync(CancellationToken.None));
    }

    // Only one pump runs at a time (guarded by _pumping), so permits go to waiters strictly in queue order.
    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                Waiter? head;
                lock (_gate)
                {
                    head = _queue.First?.Value;
                    if (head is null)
                    {
                        _pumping = false;
                        return;
                    }
                }

                var now = _time.GetUtcNow();
                if (head.Deadline < now)
                {
                    Reject(head, TimeSpan.Zero);
                    continue;
                }

                var decision = await _store.TryTakeAsync(_key, EnforcedBudget, now, cancellationToken).ConfigureAwait(false);
                if (decision.Granted)
                {
                    if (Dequeue(head))
                    {
                        if (head.HasWaited)
                        {
                            Interlocked.Increment(ref _waited);
                        }
                        else
                        {
                            Interlocked.Increment(ref _granted);
                        }

                        head.TrySetResult();
                    }

                    // A cancelled waiter leaves its permit unused; it is spent already and simply counts in the window.
                    continue;
                }

                // Nobody queued can be served before the next slot: refuse those whose deadline comes first, now,
                // with an honest retry time, instead of letting them wait for nothing.
                RejectThoseDueBefore(decision.NextSlotAt, now);
                lock (_gate)
                {
                    foreach (var waiter in _queue)
                    {
                        waiter.HasWaited = true;
                    }

                    if (_queue.Count == 0)
                    {
                        _pumping = false;
                        return;
                    }

                    _pumping = false;
                    var due = decision.NextSlotAt - _time.GetUtcNow();
                    _wakeUp.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            List<Waiter> failed;
            lock (_gate)
            {
                failed = [.. _queue];
                _queue.Clear();
                _pumping = false;
            }

            foreach (var waiter in failed)
            {
                waiter.TrySetException(new HaloOperationException(HaloFailureKind.Unavailable, "The request budget could not be checked; try again.", innerException: ex));
            }
        }
    }

    private void RejectThoseDueBefore(DateTimeOffset nextSlotAt, DateTimeOffset now)
    {
        List<Waiter> late = [];
        lock (_gate)
        {
            for (var node = _queue.First; node is not null;)
            {
                var next = node.Next;
                if (node.Value.Deadline < nextSlotAt)
                {
                    late.Add(node.Value);
                    _queue.Remove(node);
                    node.Value.Node = null;
                }

                node = next;
            }
        }

        foreach (var waiter in late)
        {
            Interlocked.Increment(ref _rejected);
            waiter.TrySetException(HaloOperationException.RateLimited(nextSlotAt - now, "the tenant's HaloPSA request budget is spent"));
        }
    }

    private void Reject(Waiter waiter, TimeSpan retryAfter)
    {
        if (Dequeue(waiter))
        {
            Interlocked.Increment(ref _rejected);
            waiter.TrySetException(HaloOperationException.RateLimited(retryAfter, "the tenant's HaloPSA request budget is spent"));
        }
    }

    private bool Dequeue(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Node is null)
            {
                return false;
            }

            _queue.Remove(waiter.Node);
            waiter.Node = null;
            return true;
        }
    }

    private sealed class Waiter(DateTimeOffset deadline) : TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        private CancellationTokenRegistration _registration;

        public DateTimeOffset Deadline { get; } = deadline;

        public LinkedListNode<Waiter>? Node { get; set; }

        public bool HasWaited { get; set; }

        public ValueTask Register(TenantBudget owner, CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled && !Task.IsCompleted)
            {
                _registration = cancellationToken.Register(static s =>
                {
                    var (budget, waiter, token) = ((TenantBudget, Waiter, CancellationToken))s!;
                    if (budget.Dequeue(waiter))
                    {
                        waiter.TrySetCanceled(token);
                    }
                }, (owner, this, cancellationToken));
                Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), _registration, TaskScheduler.Default);
            }

            return new ValueTask(Task);
        }
    }
}
