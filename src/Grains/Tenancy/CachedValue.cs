namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A value loaded on demand and kept for a time to live: concurrent callers share one load (single flight), a failed
/// load is not cached, and <see cref="Invalidate"/> forces the next caller to load afresh.
/// </summary>
/// <remarks>It lives in one grain activation and is used on its scheduler only, so it needs no lock.</remarks>
/// <typeparam name="T">The cached value.</typeparam>
public sealed class CachedValue<T>(Func<CancellationToken, Task<T>> load, TimeSpan timeToLive, TimeProvider time, Action<bool>? observe = null)
{
    private Task<T>? _value;
    private DateTimeOffset _expiresAt;
    private long _generation;

    /// <summary>How many times the value was loaded.</summary>
    public int Loads { get; private set; }

    /// <summary>How many times a caller was served without a load starting.</summary>
    public long Hits { get; private set; }

    /// <summary>The value, loading it if it is absent or expired.</summary>
    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var hit = _value is not null && !(_value.IsCompleted && time.GetUtcNow() >= _expiresAt);
        if (hit)
        {
            Hits++;
        }
        else
        {
            Loads++;
            _value = LoadAsync(++_generation);
        }

        observe?.Invoke(hit);
        var value = _value!;
        return value.IsCompleted ? value : value.WaitAsync(cancellationToken);
    }

    /// <summary>Replaces the value with one known to be current (e.g. what HaloPSA answered to a write).</summary>
    public void Set(T value)
    {
        _value = Task.FromResult(value);
        _expiresAt = time.GetUtcNow() + timeToLive;
        _generation++;
    }

    /// <summary>
    /// Applies a change that is known exactly (e.g. an item HaloPSA just created) to a loaded value, keeping its expiry;
    /// drops the value instead when none is loaded or a load is in flight, so nothing stale can survive.
    /// </summary>
    public void Update(Func<T, T> change)
    {
        _value = _value is { IsCompletedSuccessfully: true } current ? Task.FromResult(change(current.Result)) : null;
        _generation++;
    }

    /// <summary>Drops the value; the next caller loads it again.</summary>
    public void Invalidate()
    {
        _value = null;
        _generation++;
    }

    private async Task<T> LoadAsync(long generation)
    {
        // Returns to the caller before the load starts, so that a load failing at once is not cached as the value.
        await Task.Yield();
        try
        {
            // The load belongs to every caller, so no single caller's cancellation stops it.
            var value = await load(CancellationToken.None);
            if (generation == _generation)
            {
                _expiresAt = time.GetUtcNow() + timeToLive;
            }

            return value;
        }
        catch
        {
            if (generation == _generation)
            {
                _value = null;
            }

            throw;
        }
    }
}
