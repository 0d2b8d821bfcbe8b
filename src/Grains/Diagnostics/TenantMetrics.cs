using System.Diagnostics.Metrics;

namespace HaloMcp.Grains.Diagnostics;

/// <summary>
/// What each tenant spends and saves, through <see cref="System.Diagnostics.Metrics"/> (meter <c>HaloMcp.Grains</c>):
/// upstream permits by request kind, budget decisions, token requests, cache lookups and webhook deliveries, every one
/// tagged with the tenant. The ops dashboard and the benchmarks read them.
/// </summary>
public sealed class TenantMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "HaloMcp.Grains";

    private readonly Counter<long> _permits;
    private readonly Counter<long> _rejections;
    private readonly Counter<long> _tokenRequests;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Counter<long> _webhookOccurrences;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public TenantMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _permits = meter.CreateCounter<long>("halomcp.budget.permits", "{request}", "Upstream requests permitted by the tenant's budget (one per HaloPSA attempt).");
        _rejections = meter.CreateCounter<long>("halomcp.budget.rejections", "{request}", "Callers refused because no permit could be had before their deadline.");
        _tokenRequests = meter.CreateCounter<long>("halomcp.tokens.requested", "{request}", "OAuth token requests sent to HaloPSA.");
        _cacheLookups = meter.CreateCounter<long>("halomcp.cache.lookups", "{lookup}", "Cache lookups, tagged hit or miss.");
        _rateLimited = meter.CreateCounter<long>("halomcp.upstream.rate_limited", "{response}", "429 answers from HaloPSA.");
        _webhookDeliveries = meter.CreateCounter<long>("halomcp.webhooks.deliveries", "{delivery}", "Webhook deliveries from HaloPSA, tagged applied or malformed.");
        _webhookOccurrences = meter.CreateCounter<long>("halomcp.webhooks.occurrences", "{occurrence}", "Occurrences in applied webhook deliveries, tagged applied (a cached copy was replaced or dropped) or ignored.");
    }

    /// <summary>A permit was granted, at once or after waiting.</summary>
    public void Permitted(string tenantId, string kind, bool waited) =>
        _permits.Add(1, new("tenant", tenantId), new("kind", kind), new("waited", waited));

    /// <summary>A caller was refused a permit.</summary>
    public void Rejected(string tenantId) => _rejections.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));

    /// <summary>A token request went to HaloPSA.</summary>
    public void TokenRequested(string tenantId) => _tokenRequests.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));

    /// <summary>HaloPSA answered 429.</summary>
    public void RateLimited(string tenantId) => _rateLimited.Add(1, new KeyValuePair<string, object?>("tenant", tenantId));

    /// <summary>A cache was consulted.</summary>
    public void CacheLookup(string tenantId, string cache, bool hit) =>
        _cacheLookups.Add(1, new("tenant", tenantId), new("cache", cache), new("result", hit ? "hit" : "miss"));

    /// <summary>A webhook delivery reached the tenant's webhook grain: applied (with its occurrences' results) or malformed.</summary>
    public void WebhookDelivery(string tenantId, bool malformed, int applied = 0, int ignored = 0)
    {
        _webhookDeliveries.Add(1, new("tenant", tenantId), new("result", malformed ? "malformed" : "applied"));
        if (applied > 0)
        {
            _webhookOccurrences.Add(applied, new("tenant", tenantId), new("result", "applied"));
        }

        if (ignored > 0)
        {
            _webhookOccurrences.Add(ignored, new("tenant", tenantId), new("result", "ignored"));
        }
    }
}
