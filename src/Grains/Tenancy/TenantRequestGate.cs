using HaloMcp.Grains.HaloPsa;

namespace HaloMcp.Grains.Tenancy;

/// <summary>Plugs the tenant grain's budget into the HaloPSA client: every attempt asks the tenant for a permit.</summary>
public sealed class TenantRequestGate(ITenantUpstream tenant) : IHaloRequestGate
{
    /// <inheritdoc />
    public ValueTask AcquireAsync(HaloRequestKind kind, CancellationToken cancellationToken) =>
        new(tenant.AcquirePermitAsync(kind, cancellationToken));

    /// <inheritdoc />
    public void OnRateLimited(TimeSpan? retryAfter) =>
        _ = tenant.ReportRateLimitedAsync(retryAfter, CancellationToken.None).ContinueWith(
            static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
