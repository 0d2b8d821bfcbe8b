namespace HaloMcp.Grains.Ops;

/// <summary>
/// Upstream permits one tenant's budget granted, per bucket of <paramref name="BucketSeconds"/>, oldest first; the
/// last bucket is the one that holds <paramref name="End"/>. Summing the buckets of one window gives the window's use
/// at that point (to one bucket's precision).
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="End">The end of the last bucket.</param>
/// <param name="BucketSeconds">The width of each bucket.</param>
/// <param name="Permits">Permits per bucket, oldest first.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.BudgetHistory")]
public sealed record BudgetHistory(string TenantId, DateTimeOffset End, int BucketSeconds, IReadOnlyList<int> Permits);
