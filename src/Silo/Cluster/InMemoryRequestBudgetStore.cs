using System.Collections.Concurrent;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Silo.Cluster;

/// <summary>A single-node <see cref="IRequestBudgetStore"/>: a ring of grant times per key.</summary>
public sealed class InMemoryRequestBudgetStore : IRequestBudgetStore
{
    private readonly ConcurrentDictionary<string, GrantLog> _logs = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask<BudgetDecision> TryTakeAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var log = _logs.GetOrAdd(key, static (_, n) => new GrantLog(n), budget.Requests);
        return ValueTask.FromResult(log.TryTake(budget, now));
    }

    /// <inheritdoc />
    public ValueTask PauseAsync(string key, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var log = _logs.GetOrAdd(key, static _ => new GrantLog(1));
        log.Pause(until);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<BudgetUsage> GetUsageAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_logs.TryGetValue(key, out var log)
            ? log.Usage(budget, now)
            : new BudgetUsage(0, budget.Requests, null));

    /// <inheritdoc />
    public ValueTask<bool> ForgetIfIdleAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_logs.TryGetValue(key, out var log) && log.IsIdle(budget, now))
        {
            // A grant racing in between the check and the removal would be lost; the removal is conditional on the
            // log object and a fresh grant re-creates it, and callers only forget tenants that have gone idle.
            return ValueTask.FromResult(_logs.TryRemove(KeyValuePair.Create(key, log)));
        }

        return ValueTask.FromResult(false);
    }

    /// <summary>How many keys the store holds.</summary>
    public int Count => _logs.Count;

    /// <inheritdoc />
    public ValueTask ForgetAsync(string key, CancellationToken cancellationToken)
    {
        _logs.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private sealed class GrantLog(int capacity)
    {
        private const int InitialCapacity = 4;

        private readonly Lock _gate = new();

        // The ring grows with use up to N instead of starting at N: most tenants use a fraction of their budget, and
        // the log outlives the tenant grain (a reactivated tenant must still see its window).
        private DateTimeOffset[] _grants = new DateTimeOffset[Math.Clamp(capacity, 1, InitialCapacity)];
        private int _head;   // index of the oldest grant
        private int _count;
        private DateTimeOffset? _pausedUntil;

        public BudgetDecision TryTake(RequestBudget budget, DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now - budget.Window);
                if (_pausedUntil is { } until && until > now)
                {
                    return new BudgetDecision(false, until, _count);
                }

                if (_count >= budget.Requests)
                {
                    // The oldest grant leaves the window exactly W after it was made.
                    return new BudgetDecision(false, _grants[_head] + budget.Window, _count);
                }

                if (_count == _grants.Length)
                {
                    Resize(Math.Min(budget.Requests, _grants.Length * 2));
                }

                _grants[(_head + _count) % _grants.Length] = now;
                _count++;
                return new BudgetDecision(true, now, _count);
            }
        }

        public void Pause(DateTimeOffset until)
        {
            lock (_gate)
            {
                if (_pausedUntil is null || until > _pausedUntil)
                {
                    _pausedUntil = until;
                }
            }
        }

        public bool IsIdle(RequestBudget budget, DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now - budget.Window);
                return _count == 0 && (_pausedUntil is null || _pausedUntil <= now);
            }
        }

        public BudgetUsage Usage(RequestBudget budget, DateTimeOffset now)
        {
            lock (_gate)
            {
                Expire(now - budget.Window);
                var paused = _pausedUntil is { } until && until > now ? _pausedUntil : null;
                return new BudgetUsage(_count, budget.Requests, paused);
            }
        }

        // A grant made exactly at windowStart is outside the window (now - W, now].
        private void Expire(DateTimeOffset windowStart)
        {
            while (_count > 0 && _grants[_head] <= windowStart)
            {
                _head = (_head + 1) % _grants.Length;
                _count--;
            }
        }

        private void Resize(int requests)
        {
            if (requests <= _grants.Length)
            {
                return;
            }

            var grown = new DateTimeOffset[requests];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _grants[(_head + i) % _grants.Length];
            }

            _grants = grown;
            _head = 0;
        }
    }
}
