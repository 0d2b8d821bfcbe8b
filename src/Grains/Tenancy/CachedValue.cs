namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A value loaded on demand and kept while it is younger than its maximum age: concurrent callers share one load
/// (single flight), a failed load is not cached, and <see cref="Invalidate"/> forces the next caller to load afresh.
/// Every copy remembers when it was known to be current (<see cref="CacheRead{T}.AsOf"/>), so a caller can say how old
/// what it hands out is. A copy can also arrive from outside (a write's answer, a list row, a webhook): with a
/// <c>versionOf</c>, <see cref="Offer"/> keeps whichever copy is newer, so copies arriving out of order never
/// replace a newer one.
/// </summary>
/// <remarks>
/// <para>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</para>
/// <para>
/// HaloPSA applies permissions per agent, so a value is kept per <see cref="ActingAgent.CacheIdentity"/>: a call acting
/// as an agent is served only what a call acting as that same agent loaded or was answered. A change seen by one
/// identity (a write's answer, a webhook, a newer list row) drops every other identity's copy it makes stale, rather
/// than handing them a copy loaded with someone else's permissions. <c>sharedAcrossAgents</c> makes one copy for
/// everyone instead, loaded as the tenant's own application (configuration every agent sees, such as statuses).
/// </para>
/// </remarks>
/// <typeparam name="T">The cached value.</typeparam>
public sealed class CachedValue<T>
{
    private readonly Func<CancellationToken, Task<T>> _load;
    private readonly Func<TimeSpan> _maxAge;
    private readonly TimeProvider _time;
    private readonly Action<bool>? _observe;
    private readonly Func<T, DateTimeOffset?>? _versionOf;
    private readonly bool _sharedAcrossAgents;
    private readonly Slot _tenant = new();
    private Dictionary<string, Slot>? _agents;

    /// <summary>A cache whose copies live <paramref name="timeToLive"/>.</summary>
    public CachedValue(Func<CancellationToken, Task<T>> load, TimeSpan timeToLive, TimeProvider time, Action<bool>? observe = null, bool sharedAcrossAgents = false)
        : this(load, () => timeToLive, time, observe, sharedAcrossAgents: sharedAcrossAgents)
    {
    }

    /// <summary>
    /// A cache whose copies live as long as <paramref name="maxAge"/> says at the time of each read (it may change with
    /// the tenant's settings); <paramref name="versionOf"/> orders copies (HaloPSA's last-update time), null when they
    /// cannot be ordered; <paramref name="sharedAcrossAgents"/> keeps one copy for every identity.
    /// </summary>
    public CachedValue(
        Func<CancellationToken, Task<T>> load, Func<TimeSpan> maxAge, TimeProvider time, Action<bool>? observe = null,
        Func<T, DateTimeOffset?>? versionOf = null, bool sharedAcrossAgents = false)
    {
        _load = load;
        _maxAge = maxAge;
        _time = time;
        _observe = observe;
        _versionOf = versionOf;
        _sharedAcrossAgents = sharedAcrossAgents;
    }

    /// <summary>How many times the value was loaded.</summary>
    public int Loads { get; private set; }

    /// <summary>How many times a caller was served without a load starting.</summary>
    public long Hits { get; private set; }

    /// <summary>The value, loading it if it is absent or too old.</summary>
    public async Task<T> GetAsync(CancellationToken cancellationToken) => (await ReadAsync(cancellationToken)).Value;

    /// <summary>
    /// The value with when it was current, loading it if it is absent or too old. <see cref="CacheRead{T}.FromCache"/>
    /// says whether the copy was already there (no request was made or joined for this read).
    /// </summary>
    public Task<CacheRead<T>> ReadAsync(CancellationToken cancellationToken)
    {
        var slot = Current(create: true)!;
        var current = slot.Entry;
        var completed = current is { IsCompletedSuccessfully: true };
        var hit = current is not null && !(completed && IsTooOld(current!.Result));
        if (hit)
        {
            Hits++;
        }
        else
        {
            Loads++;
            current = LoadAsync(slot, ++slot.Generation, slot.Invalidations);
            slot.Entry = current;
        }

        _observe?.Invoke(hit);
        return completed && hit ? Task.FromResult(Read(current!.Result, fromCache: true)) : WaitAsync(current!, cancellationToken);
    }

    /// <summary>The copy held now for the calling identity, loaded or not, however old; null when none is held.</summary>
    public CacheRead<T>? Peek() =>
        Current(create: false)?.Entry is { IsCompletedSuccessfully: true } current ? Read(current.Result, fromCache: true) : null;

    /// <summary>
    /// Replaces the value with one known to be current (e.g. what HaloPSA answered to a write), whatever it holds; every
    /// other identity's copy is dropped.
    /// </summary>
    public void Set(T value)
    {
        var slot = Current(create: true)!;
        DropOthers(slot);
        Replace(slot, value, _time.GetUtcNow());
    }

    /// <summary>
    /// Offers a copy that was current at <paramref name="asOf"/>. It is taken unless the copy held is newer by version
    /// (an answer, list row or webhook that left HaloPSA before the one already applied); a load in flight is then
    /// weighed against it as it completes. Other identities keep their copies only where these are provably as new.
    /// </summary>
    /// <returns>Whether the copy was taken.</returns>
    public bool Offer(T value, DateTimeOffset asOf)
    {
        var slot = Current(create: true)!;
        DropOthers(slot, keepAsNewAs: value, onlyStale: true);
        return OfferTo(slot, value, asOf);
    }

    /// <summary>
    /// Applies a change that is known exactly (e.g. an item HaloPSA just created) to a loaded value, keeping when it was
    /// current; drops the value instead when none is loaded or a load is in flight, so nothing stale can survive. Every
    /// other identity's copy is dropped.
    /// </summary>
    public void Update(Func<T, T> change)
    {
        var slot = Current(create: false);
        DropOthers(slot);
        if (slot is null)
        {
            return;
        }

        if (slot.Entry is { IsCompletedSuccessfully: true } current)
        {
            slot.Entry = Task.FromResult(current.Result with { Value = change(current.Result.Value) });
            slot.Generation++;
        }
        else
        {
            slot.Invalidate();
        }
    }

    /// <summary>Drops the value for every identity; the next caller loads it again, and a load in flight is not kept.</summary>
    public void Invalidate() => DropOthers(keep: null);

    private Slot? Current(bool create)
    {
        if ((_sharedAcrossAgents ? null : ActingAgent.CacheIdentity) is not { } identity)
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

    // Drops every copy but keep's; with onlyStale, only those not provably as new as keepAsNewAs.
    private void DropOthers(Slot? keep, T keepAsNewAs = default!, bool onlyStale = false)
    {
        if (!ReferenceEquals(_tenant, keep) && !(onlyStale && AsNew(_tenant, keepAsNewAs)))
        {
            _tenant.Invalidate();
        }

        if (_agents is null)
        {
            return;
        }

        foreach (var (identity, slot) in _agents)
        {
            if (!ReferenceEquals(slot, keep) && !(onlyStale && AsNew(slot, keepAsNewAs)))
            {
                slot.Invalidate();
                _agents.Remove(identity);
            }
        }
    }

    private bool AsNew(Slot slot, T offered) =>
        _versionOf is not null
        && slot.Entry is { IsCompletedSuccessfully: true } held
        && _versionOf(held.Result.Value) is { } heldVersion && _versionOf(offered) is { } offeredVersion && heldVersion >= offeredVersion;

    private bool OfferTo(Slot slot, T value, DateTimeOffset asOf)
    {
        if (slot.Entry is { IsCompletedSuccessfully: true } current && IsNewer(current.Result.Value, value))
        {
            return false;
        }

        if (slot.Entry is { IsCompletedSuccessfully: true } same && SameVersion(same.Result.Value, value) && same.Result.AsOf > asOf)
        {
            // The same state, already known to be current later than this copy says.
            asOf = same.Result.AsOf;
        }

        Replace(slot, value, asOf);
        return true;
    }

    private static void Replace(Slot slot, T value, DateTimeOffset asOf)
    {
        slot.Entry = Task.FromResult(new Entry(value, asOf));
        slot.Generation++;
    }

    private bool IsTooOld(Entry entry) => _time.GetUtcNow() - entry.AsOf >= _maxAge();

    private bool IsNewer(T held, T offered) =>
        _versionOf is not null && _versionOf(held) is { } heldVersion && _versionOf(offered) is { } offeredVersion && heldVersion > offeredVersion;

    private bool SameVersion(T held, T offered) =>
        _versionOf is not null && _versionOf(held) is { } heldVersion && heldVersion == _versionOf(offered);

    private CacheRead<T> Read(Entry entry, bool fromCache) => new(entry.Value, entry.AsOf, fromCache, _time.GetUtcNow() - entry.AsOf);

    private async Task<CacheRead<T>> WaitAsync(Task<Entry> entry, CancellationToken cancellationToken) =>
        Read(await entry.WaitAsync(cancellationToken), fromCache: false);

    private async Task<Entry> LoadAsync(Slot slot, long generation, long invalidations)
    {
        // Returns to the caller before the load starts, so that a load failing at once is not cached as the value.
        await Task.Yield();
        if (_sharedAcrossAgents)
        {
            // One copy for everyone is loaded as the tenant's application, never with one agent's token.
            ActingAgent.Clear();
        }

        // A copy is current at least from the moment it was asked for.
        var asOf = _time.GetUtcNow();
        try
        {
            // The load belongs to every caller, so no single caller's cancellation stops it.
            var value = await _load(CancellationToken.None);
            var entry = new Entry(value, asOf);
            if (generation != slot.Generation && invalidations == slot.Invalidations && _versionOf is not null)
            {
                // Copies arrived while it was in flight, and nothing made it suspect: the newer of them stays.
                OfferTo(slot, value, asOf);
            }

            return entry;
        }
        catch
        {
            if (generation == slot.Generation)
            {
                slot.Entry = null;
            }

            throw;
        }
    }

    private sealed record Entry(T Value, DateTimeOffset AsOf);

    // One identity's copy.
    private sealed class Slot
    {
        public Task<Entry>? Entry { get; set; }

        public long Generation { get; set; }

        public long Invalidations { get; set; }

        public void Invalidate()
        {
            Entry = null;
            Generation++;
            Invalidations++;
        }
    }
}
