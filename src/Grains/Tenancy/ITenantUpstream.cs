using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// What the tenant grain hands the other grains of its tenant for each upstream request: the settings, a token and
/// a permit from the budget. Internal to the grains (the Api never calls it); all of it comes from memory, so every
/// method interleaves and the HTTP request itself runs in the caller, outside the tenant's turn.
/// </summary>
public interface ITenantUpstream : IGrainWithStringKey
{
    /// <summary>The tenant's current settings.</summary>
    /// <exception cref="Errors.HaloOperationException">The tenant is not configured.</exception>
    [AlwaysInterleave]
    Task<TenantSettings> GetSettingsAsync(CancellationToken cancellationToken);

    /// <summary>A valid token; <paramref name="rejected"/> is a token HaloPSA just refused, which is dropped first.</summary>
    [AlwaysInterleave]
    Task<HaloAccessToken> GetTokenAsync(string? rejected, CancellationToken cancellationToken);

    /// <summary>Waits for a permit from the tenant's request budget, in arrival order, up to the call's deadline.</summary>
    [AlwaysInterleave]
    Task AcquirePermitAsync(HaloRequestKind kind, CancellationToken cancellationToken);

    /// <summary>HaloPSA answered 429: pause the tenant for <paramref name="retryAfter"/> (or its whole window).</summary>
    [AlwaysInterleave]
    Task ReportRateLimitedAsync(TimeSpan? retryAfter, CancellationToken cancellationToken);
}
