using HaloMcp.Grains.Ops;

namespace HaloMcp.Silo.Ops;

/// <summary>
/// Adds up what several silos counted for one tenant. A tenant's metrics come from more than one silo whenever its
/// grains are spread (a ticket grain's upstream request is timed where the ticket grain runs) or its tenant grain moved.
/// </summary>
internal static class OpsMerge
{
    public static TenantActivity Tenant(IReadOnlyList<TenantActivity> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var latency = parts.Aggregate(LatencyHistogram.Empty, (sum, p) => sum.Add(p.RecentLatency));
        var caches = parts.SelectMany(p => p.Caches)
            .GroupBy(c => c.Cache, StringComparer.Ordinal)
            .Select(g => new CacheActivity(g.Key, g.Sum(c => c.Hits), g.Sum(c => c.Misses)))
            .OrderBy(c => c.Cache, StringComparer.Ordinal)
            .ToArray();
        var others = parts.SelectMany(p => p.OtherCounters)
            .GroupBy(c => c.Name, StringComparer.Ordinal)
            .Select(g => new CounterTotal(g.Key, g.Sum(c => c.Value)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();
        return new TenantActivity(
            parts[0].TenantId,
            parts.Sum(p => p.Permits),
            parts.Sum(p => p.WaitedPermits),
            parts.Sum(p => p.Rejections),
            parts.Sum(p => p.RateLimited),
            parts.Sum(p => p.TokenRequests),
            parts.Sum(p => p.UpstreamRequests),
            parts.Sum(p => p.UpstreamErrors),
            latency,
            caches,
            others,
            parts.Max(p => p.LastPermitAt),
            parts.Max(p => p.LastSeen));
    }

    /// <summary>Bucket-by-bucket sums, aligned on the latest end (silos' clocks and the moment each answered differ).</summary>
    public static BudgetHistory History(IReadOnlyList<BudgetHistory> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var end = parts.Max(p => p.End);
        var width = parts[0].BucketSeconds;
        var length = parts.Max(p => p.Permits.Count);
        var sum = new int[length];
        foreach (var part in parts)
        {
            var shift = (int)((end - part.End).TotalSeconds / width);
            for (var i = 0; i < part.Permits.Count; i++)
            {
                var at = i - shift + (length - part.Permits.Count);
                if (at >= 0 && at < length)
                {
                    sum[at] += part.Permits[i];
                }
            }
        }

        return new BudgetHistory(parts[0].TenantId, end, width, sum);
    }
}
