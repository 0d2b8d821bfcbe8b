using System.Net.Http.Metrics;
using HaloMcp.Grains.HaloPsa.Http;

namespace HaloMcp.Silo.Ops;

/// <summary>
/// Tags HttpClient's own <c>http.client.request.duration</c> of every HaloPSA API request with the tenant it was made
/// for, so the request's duration and outcome are counted per tenant without a second stopwatch.
/// </summary>
internal sealed class UpstreamMetricsTenantTag : DelegatingHandler
{
    private static readonly Action<HttpMetricsEnrichmentContext> AddTenant = static context =>
    {
        if (context.Request.Options.TryGetValue(HaloRequestOptions.Tenant, out var tenantId))
        {
            context.AddCustomTag("tenant", tenantId);
        }
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(HaloRequestOptions.Tenant, out _))
        {
            HttpMetricsEnrichmentContext.AddCallback(request, AddTenant);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
