namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A value loaded on demand and kept while it is younger than its maximum age: concurrent callers share one load
/// (single flight), a failed load is not cached, and <see cref="Invalidate"/> forces the next caller to load afresh.
/// Every copy remembers when it was known to be current (<see cref="CacheRead{T}.AsOf"/>), so a caller can say how old
/// what it hands out is. A copy can also arrive from outside (a write's answer, a list row, a webhook): with a
/// <c>versionOf</c>, <see cref="Offer"/> keeps whichever copy is newer, so copies arriving out of order never
/// replace a newer one.
/// </summary>
/// <remarks>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</remarks>
/// <typeparam name="T">The cached value.</typeparam>
public sealed class CachedValue<T>
{
    private readonly Func<CancellationToken, Task<T>> _load;
    private readonly Func<TimeSpan> _maxAge;
    private readonly TimeProvider _time;
    private readonly Action<bool>? _observe;
    private readonly Func<T, DateTimeOffset?>? _versionOf;
    private Task<Entry>? _entry;
    private long _generation;
    private long _invalidations;

    /// <summary>A cache whose copies live <paramref name="timeToLive"/>.</summary>
    public CachedValue(Func<CancellationToken, Task<T>> load, TimeSpan timeToLive, TimeProvider time, Action<bool>? observe = null)
        : this(load, () => timeToLive, time, observe)
    {
    }

    /// <summary>
    /// A cache whose copies live as long as <paramref name="maxAge"/> says at the time of each read (it may change with
    /// the tenant's settings); <paramref name="versionOf"/> orders copies (HaloPSA's last-update time), null when they
    /// cannot be ordered.
    /// </summary>
    public CachedValue(Func<CancellationToken, Task<T>> load, Func<TimeSpan> maxAge, TimeProvider time, Action<bool>? observe = null, Func<T, DateTimeOffset?>? versionOf = null)
    {
        _load = load;
        _maxAge = maxAge;
        _time = time;
        _observe = observe;
        _versionOf = versionOf;
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
        var current = _entry;
        var completed = current is { IsCompletedSuccessfully: true };
        var hit = current is not null && !(completed && IsTooOld(current!.Result));
        if (hit)
        {
            Hits++;
        }
        else
        {
            Loads++;
            current = LoadAsync(++_generation, _invalidations);
            _entry = current;
        }

        _observe?.Invoke(hit);
        return completed && hit ? Task.FromResult(Read(current!.Result, fromCache: true)) : WaitAsync(current!, cancellationToken);
    }

    /// <summary>The copy held now, loaded or not, however old; null when none is held.</summary>
    public CacheRead<T>? Peek() => _entry is { IsCompletedSuccessfully: true } current ? Read(current.Result, fromCache: true) : null;

    /// <summary>Replaces the value with one known to be current (e.g. what HaloPSA answered to a write), whatever it holds.</summary>
    public void Set(T value) => Replace(value, _time.GetUtcNow());

    /// <summary>
    /// Offers a copy that was current at <paramref name="asOf"/>. It is taken unless the copy held is newer by version
    /// (an answer, list row or webhook that left HaloPSA before the one already applied); a load in flight is then
    /// weighed against it as it completes.
    /// </summary>
    /// <returns>Whether the copy was taken.</returns>
    public bool Offer(T value, DateTimeOffset asOf)
    {
        if (_entry is { IsCompletedSuccessfully: true } current && IsNewer(current.Result.Value, value))
        {
            return false;
        }

        if (_entry is { IsCompletedSuccessfully: true } same && SameVersion(same.Result.Value, value) && same.Result.AsOf > asOf)
        {
            // The same state, already known to be current later than this copy says.
            asOf = same.Result.AsOf;
        }

        Replace(value, asOf);
        return true;
    }

    /// <summary>
    /// Applies a change that is known exactly (e.g. an item HaloPSA just created) to a loaded value, keeping when it was
    /// current; drops the value instead when none is loaded or a load is in flight, so nothing stale can survive.
    /// </summary>
    public void Update(Func<T, T> change)
    {
        if (_entry is { IsCompletedSuccessfully: true } current)
        {
            _entry = Task.FromResult(current.Result with { Value = change(current.Result.Value) });
            _generation++;
        }
        else
        {
            Invalidate();
        }
    }

    /// <summary>Drops the value; the next caller loads it again, and a load in flight is not kept.</summary>
    public void Invalidate()
    {
        _entry = null;
        _generation++;
        _invalidations++;
    }

    private void Replace(T value, DateTimeOffset asOf)
    {
        _entry = Task.FromResult(new Entry(value, asOf));
        _generation++;
    }

    private bool IsTooOld(Entry entry) => _time.GetUtcNow() - entry.AsOf >= _maxAge();

    private bool IsNewer(T held, T offered) =>
        _versionOf is not null && _versionOf(held) is { } heldVersion && _versionOf(offered) is { } offeredVersion && heldVersion > offeredVersion;

    private bool SameVersion(T held, T offered) =>
        _versionOf is not null && _versionOf(held) is { } heldVersion && heldVersion == _versionOf(offered);

    private CacheRead<T> Read(Entry entry, bool fromCache) => new(entry.Value, entry.AsOf, fromCache, _time.GetUtcNow() - entry.AsOf);

    private async Task<CacheRead<T>> WaitAsync(Task<Entry> entry, CancellationToken cancellationToken) =>
        Read(await entry.WaitAsync(cancellationToken), fromCache: false);

    private async Task<Entry> LoadAsync(long generation, long invalidations)
    {
        // Returns to the caller before the load starts, so that a load failing at once is not cached as the value.
        await Task.Yield();

        // A copy is current at least from the moment it was asked for.
        var asOf = _time.GetUtcNow();
        try
        {
            // The load belongs to every caller, so no single caller's cancellation stops it.
            var value = await _load(CancellationToken.None);
            var entry = new Entry(value, asOf);
            if (generation != _generation && invalidations == _invalidations && _versionOf is not null)
            {
                // Copies arrived while it was in flight, and nothing made it suspect: the newer of them stays.
                Offer(value, asOf);
            }

            return entry;
        }
        catch
        {
            if (generation == _generation)
            {
                _entry = null;
            }

            throw;
        }
    }

    private sealed record Entry(T Value, DateTimeOffset AsOf);
}
