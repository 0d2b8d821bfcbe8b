namespace HaloMcp.Grains.Ops;

/// <summary>
/// One tenant's counters since the silos started (merged over every silo that emitted them), as the metrics of meter
/// <c>HaloMcp.Grains</c> and the HaloPSA HTTP client's request durations report them.
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Permits">Upstream requests the budget permitted.</param>
/// <param name="WaitedPermits">Of those, permits the caller had to wait for.</param>
/// <param name="Rejections">Callers refused because no permit could be had before their deadline.</param>
/// <param name="RateLimited">429 answers from HaloPSA.</param>
/// <param name="TokenRequests">OAuth token requests sent to HaloPSA (the first one and every refresh).</param>
/// <param name="UpstreamRequests">HaloPSA API requests completed (any answer or none).</param>
/// <param name="UpstreamErrors">Of those, 5xx answers and requests that got no answer (timeouts, refused connections).</param>
/// <param name="RecentLatency">Durations of the API requests of the last 5 to 10 minutes.</param>
/// <param name="Caches">Cache lookups per cache (an entity kind or reference list).</param>
/// <param name="OtherCounters">Counters of the meter this contract does not name (e.g. webhook deliveries), by instrument name.</param>
/// <param name="LastPermitAt">When the budget last granted a permit, if it has.</param>
/// <param name="LastSeen">When any of the tenant's metrics last moved.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.TenantActivity")]
public sealed record TenantActivity(
    string TenantId,
    long Permits,
    long WaitedPermits,
    long Rejections,
    long RateLimited,
    long TokenRequests,
    long UpstreamRequests,
    long UpstreamErrors,
    LatencyHistogram RecentLatency,
    IReadOnlyList<CacheActivity> Caches,
    IReadOnlyList<CounterTotal> OtherCounters,
    DateTimeOffset? LastPermitAt,
    DateTimeOffset LastSeen);
