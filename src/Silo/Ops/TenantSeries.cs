using HaloMcp.Grains.Ops;

namespace HaloMcp.Silo.Ops;

/// <summary>
/// One tenant's share of <see cref="TenantActivityAggregator"/>: counter totals, the request durations of the current
/// and the previous latency period, and the permits of the last hour in buckets. Measurements arrive on whatever
/// thread emitted them, so every member takes the lock; it is held for a few additions at a time.
/// </summary>
internal sealed class TenantSeries(string tenantId)
{
    /// <summary>Width of a permit bucket.</summary>
    public const int BucketSeconds = 10;

    /// <summary>Buckets kept: one hour.</summary>
    public const int BucketCount = 360;

    /// <summary>Latency is reported over the current period and the one before it (5 to 10 minutes).</summary>
    public const int LatencyPeriodSeconds = 300;

    private readonly Lock _gate = new();
    private long _permits;
    private long _waited;
    private long _rejections;
    private long _rateLimited;
    private long _tokenRequests;
    private long _upstreamRequests;
    private long _upstreamErrors;
    private Dictionary<string, (long Hits, long Misses)>? _caches;
    private Dictionary<string, long>? _others;
    private int[]? _latency;
    private int[]? _previousLatency;
    private long _latencyPeriod;
    private int[]? _buckets;
    private long _headBucket;
    private DateTimeOffset? _lastPermit;
    private DateTimeOffset _lastSeen;

    public string TenantId => tenantId;

    public DateTimeOffset LastSeen
    {
        get
        {
            lock (_gate)
            {
                return _lastSeen;
            }
        }
    }

    public void Permitted(bool waited, DateTimeOffset now)
    {
        lock (_gate)
        {
            _permits++;
            _waited += waited ? 1 : 0;
            _lastPermit = now;
            _lastSeen = now;

            // The ring is allocated on the first permit only: tenants that only ever hit caches cost no hour of buckets.
            _buckets ??= new int[BucketCount];
            var bucket = now.ToUnixTimeSeconds() / BucketSeconds;
            if (bucket > _headBucket)
            {
                for (var b = Math.Max(_headBucket + 1, bucket - BucketCount + 1); b <= bucket; b++)
                {
                    _buckets[b % BucketCount] = 0;
                }

                _headBucket = bucket;
            }

            if (bucket > _headBucket - BucketCount)
            {
                _buckets[bucket % BucketCount]++;
            }
        }
    }

    private void Count(ref long counter, DateTimeOffset now)
    {
        lock (_gate)
        {
            counter++;
            _lastSeen = now;
        }
    }

    public void Rejected(DateTimeOffset now) => Count(ref _rejections, now);

    public void RateLimited(DateTimeOffset now) => Count(ref _rateLimited, now);

    public void TokenRequested(DateTimeOffset now) => Count(ref _tokenRequests, now);

    public void CacheLookup(string cache, bool hit, DateTimeOffset now)
    {
        lock (_gate)
        {
            _caches ??= new Dictionary<string, (long, long)>(StringComparer.Ordinal);
            _caches.TryGetValue(cache, out var counts);
            _caches[cache] = hit ? (counts.Hits + 1, counts.Misses) : (counts.Hits, counts.Misses + 1);
            _lastSeen = now;
        }
    }

    public void Other(string instrument, long value, DateTimeOffset now)
    {
        lock (_gate)
        {
            _others ??= new Dictionary<string, long>(StringComparer.Ordinal);
            _others[instrument] = _others.GetValueOrDefault(instrument) + value;
            _lastSeen = now;
        }
    }

    public void UpstreamRequest(double milliseconds, bool failed, DateTimeOffset now)
    {
        lock (_gate)
        {
            _upstreamRequests++;
            _upstreamErrors += failed ? 1 : 0;
            RollLatency(now);
            _latency ??= new int[LatencyHistogram.BucketCount];
            _latency[LatencyHistogram.BucketOf(milliseconds)]++;
            _lastSeen = now;
        }
    }

    public TenantActivity Snapshot(DateTimeOffset now)
    {
        lock (_gate)
        {
            RollLatency(now);
            var latency = Histogram(_latency).Add(Histogram(_previousLatency));
            var caches = _caches is null
                ? []
                : _caches.Select(c => new CacheActivity(c.Key, c.Value.Hits, c.Value.Misses)).OrderBy(c => c.Cache, StringComparer.Ordinal).ToArray();
            var others = _others is null
                ? []
                : _others.Select(o => new CounterTotal(o.Key, o.Value)).OrderBy(o => o.Name, StringComparer.Ordinal).ToArray();
            return new TenantActivity(tenantId, _permits, _waited, _rejections, _rateLimited, _tokenRequests, _upstreamRequests,
                _upstreamErrors, latency, caches, others, _lastPermit, _lastSeen);
        }
    }

    /// <summary>The last hour's permits, oldest bucket first, the last bucket being the one that holds <paramref name="now"/>.</summary>
    public int[] Permits(DateTimeOffset now)
    {
        var history = new int[BucketCount];
        var current = now.ToUnixTimeSeconds() / BucketSeconds;
        lock (_gate)
        {
            if (_buckets is null)
            {
                return history;
            }

            for (var i = 0; i < BucketCount; i++)
            {
                var bucket = current - (BucketCount - 1) + i;
                if (bucket <= _headBucket && bucket > _headBucket - BucketCount)
                {
                    history[i] = _buckets[bucket % BucketCount];
                }
            }
        }

        return history;
    }

    private void RollLatency(DateTimeOffset now)
    {
        var period = now.ToUnixTimeSeconds() / LatencyPeriodSeconds;
        if (period == _latencyPeriod)
        {
            return;
        }

        // A gap of more than one period leaves nothing recent to report.
        _previousLatency = period == _latencyPeriod + 1 ? _latency : null;
        _latency = null;
        _latencyPeriod = period;
    }

    private static LatencyHistogram Histogram(int[]? counts) => counts is null ? LatencyHistogram.Empty : new LatencyHistogram([.. counts]);
}
