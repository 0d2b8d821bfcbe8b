using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// What the tenant grain does for every upstream attempt of its tenant's grains (internal to the grains: the Api never
/// calls it). One call admits one attempt: a permit from the budget and the token to send, with the API root the token
/// was issued for. Everything is served from memory, so the tenant grain interleaves these calls freely.
/// </summary>
[Alias("halo.ITenantUpstream")]
[Repeatable]
public interface ITenantUpstream : IGrainWithStringKey
{
    /// <summary>
    /// Waits (in arrival order, until <paramref name="deadline"/> at the latest) for a permit of <paramref name="kind"/>,
    /// then hands out a valid token for the tenant's current settings. <paramref name="rejectedToken"/> is a token
    /// HaloPSA just refused for this request; it is dropped first.
    /// </summary>
    /// <exception cref="Errors.HaloOperationException">Rate limited (with the wait), an unknown tenant, or a token failure.</exception>
    [Alias("Admit")]
    Task<HaloAdmission> AdmitAsync(HaloRequestKind kind, string? rejectedToken, DateTimeOffset deadline, CancellationToken cancellationToken);

    /// <summary>HaloPSA refused <paramref name="rejectedToken"/> even freshly issued: it is not handed out again.</summary>
    [Alias("ReportTokenRejected")]
    Task ReportTokenRejectedAsync(string rejectedToken, CancellationToken cancellationToken);

    /// <summary>
    /// HaloPSA answered 429: pause the tenant for <paramref name="retryAfter"/>, or without one for a short pause that
    /// grows while 429s keep coming (<see cref="RateLimitBackoff"/>).
    /// </summary>
    [Alias("ReportRateLimited")]
    Task ReportRateLimitedAsync(TimeSpan? retryAfter, CancellationToken cancellationToken);
}
