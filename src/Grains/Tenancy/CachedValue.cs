namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A value loaded on demand and kept for a time to live: concurrent callers share one load (single flight), a failed
/// load is not cached, and <see cref="Invalidate"/> forces the next caller to load afresh.
/// </summary>
/// <remarks>
/// <para>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</para>
/// <para>
/// HaloPSA applies permissions per agent, so a value is kept per <see cref="ActingAgent.CacheIdentity"/>: a call acting
/// as an agent is served only what a call acting as that same agent loaded, and a write made as one identity drops
/// every other identity's copy. <paramref name="sharedAcrossAgents"/> makes one copy for everyone instead, loaded as
/// the tenant's own application (configuration every agent sees, such as statuses).
/// </para>
/// </remarks>
/// <typeparam name="T">The cached value.</typeparam>
public sealed class CachedValue<T>(
    Func<CancellationToken, Task<T>> load, TimeSpan timeToLive, TimeProvider time, Action<bool>? observe = null, bool sharedAcrossAgents = false)
{
    private readonly Slot _tenant = new();
    private Dictionary<string, Slot>? _agents;

    /// <summary>How many times the value was loaded.</summary>
    public int Loads { get; private set; }

    /// <summary>How many times a caller was served without a load starting.</summary>
    public long Hits { get; private set; }

    /// <summary>The value, loading it if it is absent or expired.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var slot = Current(create: true)!;
        var hit = slot.Value is not null && !(slot.Value.IsCompleted && time.GetUtcNow() >= slot.ExpiresAt);
        if (hit)
        {
            Hits++;
        }
        else
        {
            Loads++;
            slot.Value = LoadAsync(slot, ++slot.Generation);
        }

        observe?.Invoke(hit);
        var value = slot.Value!;
        return value.IsCompleted ? value : value.WaitAsync(cancellationToken);
    }

    /// <summary>Replaces the value with one known to be current (e.g. what HaloPSA answered to a write).</summary>
    public void Set(T value)
    {
        var slot = Current(create: true)!;
        DropAllBut(slot);
        slot.Value = Task.FromResult(value);
        slot.ExpiresAt = time.GetUtcNow() + timeToLive;
        slot.Generation++;
    }

    /// <summary>
    /// Applies a change that is known exactly (e.g. an item HaloPSA just created) to a loaded value, keeping its expiry;
    /// drops the value instead when none is loaded or a load is in flight, so nothing stale can survive.
    /// </summary>
    public void Update(Func<T, T> change)
    {
        var slot = Current(create: false);
        DropAllBut(slot);
        if (slot is not null)
        {
            slot.Value = slot.Value is { IsCompletedSuccessfully: true } current ? Task.FromResult(change(current.Result)) : null;
            slot.Generation++;
        }
    }

    /// <summary>Drops the value; the next caller loads it again.</summary>
    public void Invalidate() => DropAllBut(null);

    private Slot? Current(bool create)
    {
        if ((sharedAcrossAgents ? null : ActingAgent.CacheIdentity) is not { } identity)
        {
            return _tenant;
        }

        if (_agents?.TryGetValue(identity, out var slot) == true)
        {
            return slot;
        }

        if (!create)
        {
            return null;
        }

        slot = new Slot();
        (_agents ??= new Dictionary<string, Slot>(StringComparer.Ordinal))[identity] = slot;
        return slot;
    }

    private void DropAllBut(Slot? keep)
    {
        if (!ReferenceEquals(_tenant, keep))
        {
            _tenant.Drop();
        }

        if (_agents is null)
        {
            return;
        }

        foreach (var (identity, slot) in _agents)
        {
            if (!ReferenceEquals(slot, keep))
            {
                slot.Drop();
                _agents.Remove(identity);
            }
        }
    }

    private async Task<T> LoadAsync(Slot slot, long generation)
    {
        // Returns to the caller before the load starts, so that a load failing at once is not cached as the value.
        await Task.Yield();
        if (sharedAcrossAgents)
        {
            // One copy for everyone is loaded as the tenant's application, never with one agent's token.
            ActingAgent.Clear();
        }

        try
        {
            // The load belongs to every caller, so no single caller's cancellation stops it.
            var value = await load(CancellationToken.None);
            if (generation == slot.Generation)
            {
                slot.ExpiresAt = time.GetUtcNow() + timeToLive;
            }

            return value;
        }
        catch
        {
            if (generation == slot.Generation)
            {
                slot.Value = null;
            }

            throw;
        }
    }

    private sealed class Slot
    {
        public Task<T>? Value { get; set; }

        public DateTimeOffset ExpiresAt { get; set; }

        public long Generation { get; set; }

        public void Drop()
        {
            Value = null;
            Generation++;
        }
    }
}
