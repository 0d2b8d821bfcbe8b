using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The grains' admission: the tenant named in the request's options (<see cref="HaloRequestOptions.Tenant"/>) admits
/// every attempt with one call to its tenant grain, which holds the budget and the token for the whole cluster.
/// </summary>
/// <param name="grains">Reaches the tenant grains.</param>
/// <param name="time">The clock a Retry-After date is read against.</param>
/// <param name="logger">Logs refused tokens.</param>
public sealed class TenantAdmissionHandler(IGrainFactory grains, TimeProvider time, ILogger<TenantAdmissionHandler> logger) : HaloAdmissionHandler(logger)
{
    /// <inheritdoc />
    protected override TimeProvider Time => time;

    /// <inheritdoc />
    protected override async ValueTask<HaloAdmission> AdmitAsync(
        HttpRequestMessage request, HaloRequestKind kind, HaloAdmission? rejected, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        await Tenant(request).AdmitAsync(kind, rejected?.Token.Value, deadline, cancellationToken);

    /// <inheritdoc />
    protected override async ValueTask OnRejectedAsync(HttpRequestMessage request, HaloAdmission rejected, CancellationToken cancellationToken) =>
        await Tenant(request).ReportTokenRejectedAsync(rejected.Token.Value, cancellationToken);

    /// <inheritdoc />
    protected override async ValueTask OnRateLimitedAsync(HttpRequestMessage request, TimeSpan? retryAfter, CancellationToken cancellationToken) =>
        await Tenant(request).ReportRateLimitedAsync(retryAfter, cancellationToken);

    private ITenantUpstream Tenant(HttpRequestMessage request) =>
        request.Options.TryGetValue(HaloRequestOptions.Tenant, out var tenantId)
            ? grains.GetGrain<ITenantUpstream>(tenantId)
            : throw new InvalidOperationException("A grain's HaloPSA request names no tenant; build its client with TenantHaloClients.");
}
