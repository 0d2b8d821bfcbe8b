namespace HaloMcp.Grains.Tenancy;

/// <summary>What a <see cref="CachedValue{T}"/> handed out, and how fresh it is.</summary>
/// <typeparam name="T">The cached value.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="AsOf">When the copy was known to be current (its request was sent, or it arrived).</param>
/// <param name="FromCache">Whether the copy was already held, so no request was made or joined for this read.</param>
/// <param name="Age">How old the copy is now.</param>
public readonly record struct CacheRead<T>(T Value, DateTimeOffset AsOf, bool FromCache, TimeSpan Age)
{
    /// <summary>The age in whole seconds, as results report it.</summary>
    public int AgeSeconds => Age <= TimeSpan.Zero ? 0 : (int)Age.TotalSeconds;
}
