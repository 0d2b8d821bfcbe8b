using System.Collections.Concurrent;
using HaloMcp.Api.Mcp;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth;

/// <summary>
/// Slows down key guessing: once an address has made <see cref="McpHttpOptions.AuthFailureLimit"/> failed attempts
/// within <see cref="McpHttpOptions.AuthFailureWindowSeconds"/>, its requests are refused (429, with when to retry)
/// before any key is looked at, until its oldest failure leaves the window. Refusing before looking is the point: a
/// throttle that still answered "right key" at full speed would not slow a guesser at all.
/// </summary>
internal sealed class AuthFailureThrottle(TimeProvider time, IOptionsMonitor<McpHttpOptions> options)
{
    // Enough for every address a busy server sees in a window; beyond it, addresses with no recent failure go first.
    private const int MaxAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Failures> _byAddress = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="address"/> must wait, and how long.</summary>
    public bool IsThrottled(string address, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return _byAddress.TryGetValue(address, out var failures) && failures.MustWait(time.GetUtcNow(), Window, Limit, out retryAfter);
    }

    /// <summary>Counts a failed attempt from <paramref name="address"/>.</summary>
    public void RecordFailure(string address)
    {
        var now = time.GetUtcNow();
        _byAddress.GetOrAdd(address, _ => new Failures()).Add(now, Window, Limit);
        if (_byAddress.Count > MaxAddresses)
        {
            foreach (var (key, failures) in _byAddress)
            {
                if (failures.IsStale(now, Window))
                {
                    _byAddress.TryRemove(key, out _);
                }
            }
        }
    }

    private TimeSpan Window => TimeSpan.FromSeconds(options.CurrentValue.AuthFailureWindowSeconds);

    private int Limit => options.CurrentValue.AuthFailureLimit;

    private sealed class Failures
    {
        private readonly Queue<DateTimeOffset> _times = new();
        private readonly Lock _gate = new();

        public void Add(DateTimeOffset now, TimeSpan window, int limit)
        {
            lock (_gate)
            {
                Prune(now, window);
                _times.Enqueue(now);

                // Only the newest `limit` failures decide when the address may try again.
                while (_times.Count > limit)
                {
                    _times.Dequeue();
                }
            }
        }

        public bool MustWait(DateTimeOffset now, TimeSpan window, int limit, out TimeSpan retryAfter)
        {
            lock (_gate)
            {
                Prune(now, window);
                retryAfter = _times.Count >= limit ? _times.Peek() + window - now : TimeSpan.Zero;
                return _times.Count >= limit;
            }
        }

        public bool IsStale(DateTimeOffset now, TimeSpan window)
        {
            lock (_gate)
            {
                Prune(now, window);
                return _times.Count == 0;
            }
        }

        private void Prune(DateTimeOffset now, TimeSpan window)
        {
            while (_times.Count > 0 && _times.Peek() + window <= now)
            {
                _times.Dequeue();
            }
        }
    }
}
