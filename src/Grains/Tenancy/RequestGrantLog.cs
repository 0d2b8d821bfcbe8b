namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The permits of one tenant's rolling window: an exact log of grant times in a ring, so that the whole budget N can be
/// used in any window W (a token bucket meets "never more than N per rolling W" only by capping the rate below N/W).
/// It belongs to the tenant grain: single activation makes it cluster-wide, and its turns make it need no lock.
/// </summary>
public sealed class RequestGrantLog
{
    private const int InitialCapacity = 4;

    // The ring grows with use up to N instead of starting at N: most tenants use a fraction of their budget.
    private DateTimeOffset[] _grants = new DateTimeOffset[InitialCapacity];
    private int _head;   // index of the oldest grant
    private int _count;
    private DateTimeOffset? _pausedUntil;

    /// <summary>Takes one permit at <paramref name="now"/> if the window (now - W, now] has room and no pause holds.</summary>
    public BudgetDecision TryTake(RequestBudget budget, DateTimeOffset now)
    {
        var decision = Check(budget, now);
        if (decision.Granted)
        {
            Record(now);
            return decision with { InWindow = _count };
        }

        return decision;
    }

    /// <summary>
    /// Whether a permit could be taken at <paramref name="now"/> (the window has room and no pause holds), without taking
    /// it; when granted, <see cref="BudgetDecision.InWindow"/> is the permits already in the window.
    /// </summary>
    public BudgetDecision Check(RequestBudget budget, DateTimeOffset now)
    {
        Expire(now - budget.Window);
        if (_pausedUntil is { } until && until > now)
        {
            return new BudgetDecision(false, until, _count, Paused: true);
        }

        if (_count >= budget.Requests)
        {
            // The oldest grant leaves the window exactly W after it was made.
            return new BudgetDecision(false, _grants[_head] + budget.Window, _count);
        }

        return new BudgetDecision(true, now, _count);
    }

    /// <summary>
    /// Records <paramref name="count"/> permits as granted at <paramref name="at"/>, whatever the window holds: a
    /// recovering activation restores what its journal says was spent. Times must not go backwards.
    /// </summary>
    public void Record(DateTimeOffset at, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            if (_count == _grants.Length)
            {
                Resize(Math.Max(_grants.Length * 2, 1));
            }

            _grants[(_head + _count) % _grants.Length] = at;
            _count++;
        }
    }

    /// <summary>The pause in force at <paramref name="now"/>, if any.</summary>
    public DateTimeOffset? PausedUntil(DateTimeOffset now) => _pausedUntil is { } until && until > now ? until : null;

    /// <summary>Refuses every permit until <paramref name="until"/> (HaloPSA answered 429); a longer pause wins.</summary>
    public void Pause(DateTimeOffset until)
    {
        if (_pausedUntil is null || until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }

    /// <summary>Whether nothing counts any more: every grant has left the window and no pause is in force.</summary>
    public bool IsIdle(RequestBudget budget, DateTimeOffset now)
    {
        Expire(now - budget.Window);
        return _count == 0 && (_pausedUntil is null || _pausedUntil <= now);
    }

    /// <summary>The window ending at <paramref name="now"/> and any pause in force.</summary>
    public BudgetUsage Usage(RequestBudget budget, DateTimeOffset now)
    {
        Expire(now - budget.Window);
        var paused = _pausedUntil is { } until && until > now ? _pausedUntil : null;
        return new BudgetUsage(_count, budget.Requests, paused);
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

    private void Resize(int capacity)
    {
        var grown = new DateTimeOffset[capacity];
        for (var i = 0; i < _count; i++)
        {
            grown[i] = _grants[(_head + i) % _grants.Length];
        }

        _grants = grown;
        _head = 0;
    }
}
