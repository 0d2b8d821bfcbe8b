namespace HaloMcp.Grains.Ops;

/// <summary>Lookups of one of a tenant's caches.</summary>
/// <param name="Cache">The cache's name as the grains tag it (e.g. <c>statuses</c>, <c>ticket</c>).</param>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups that had to go upstream.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.CacheActivity")]
public sealed record CacheActivity(string Cache, long Hits, long Misses)
{
    /// <summary>Hits over all lookups, or null before the first lookup.</summary>
    public double? HitRate => Hits + Misses == 0 ? null : Hits / (double)(Hits + Misses);
}
