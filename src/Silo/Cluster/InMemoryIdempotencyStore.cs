using System.Collections.Concurrent;

namespace HaloMcp.Silo.Cluster;

/// <summary>A single-node <see cref="IIdempotencyStore"/>; expired records are swept as claims arrive.</summary>
public sealed class InMemoryIdempotencyStore : IIdempotencyStore
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _claims;

    /// <summary>How many records the store holds, live or not yet swept.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _claims) % 256 == 0)
        {
            Sweep(now);
        }

        while (true)
        {
            var fresh = new Entry(now + window);
            var entry = _entries.GetOrAdd(key, fresh);
            if (ReferenceEquals(entry, fresh))
            {
                return ValueTask.FromResult(new IdempotencyClaim(IdempotencyState.Claimed, null));
            }

            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                continue;
            }

            return ValueTask.FromResult(new IdempotencyClaim(entry.State, entry.Result));
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, string result, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Complete(result);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask MarkOutcomeUnknownAsync(string key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.MarkUnknown();
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(key, entry));
            }
        }
    }

    private sealed class Entry(DateTimeOffset expiresAt)
    {
        private volatile string? _result;
        private volatile int _state = (int)IdempotencyState.InProgress;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public IdempotencyState State => (IdempotencyState)_state;

        public string? Result => _result;

        public void Complete(string result)
        {
            _result = result;
            _state = (int)IdempotencyState.Completed;
        }

        public void MarkUnknown() => _state = (int)IdempotencyState.OutcomeUnknown;
    }
}
