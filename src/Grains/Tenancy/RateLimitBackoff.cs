namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// How long a tenant holds its requests back after HaloPSA answers 429 without a Retry-After. HaloPSA's limit is a
/// rolling window, shared with every other integration of the instance: after one 429 the next slot is usually
/// seconds away, not a whole window (five minutes), so the pause starts short and doubles while 429s keep coming
/// within it (up to the window), and starts short again once they stop.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class RateLimitBackoff(TimeProvider time)
{
    /// <summary>The first pause of a run of 429s.</summary>
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    private TimeSpan _last;
    private DateTimeOffset _lastAt;

    /// <summary>The pause for a 429 now, at most <paramref name="window"/>.</summary>
    public TimeSpan Next(TimeSpan window)
    {
        var now = time.GetUtcNow();

        // A 429 that comes within twice the last pause of its start belongs to the same run.
        var next = _last > TimeSpan.Zero && now - _lastAt <= _last + _last ? _last + _last : First;
        next = next > window ? window : next;
        _last = next;
        _lastAt = now;
        return next;
    }
}
