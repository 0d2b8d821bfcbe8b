namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// The request-budget seam: <see cref="HaloApiClient"/> asks it before every upstream <c>/api</c> attempt
/// (first tries, retries and the re-try after a 401 alike) and tells it about every 429 HaloPSA serves.
/// </summary>
public interface IHaloRequestGate
{
    /// <summary>Waits until one more request of <paramref name="kind"/> may be sent, or throws to refuse it.</summary>
    ValueTask AcquireAsync(HaloRequestKind kind, CancellationToken cancellationToken);

    /// <summary>Called on every 429 from HaloPSA, with the wait HaloPSA asked for (Retry-After) when it gave one.</summary>
    void OnRateLimited(TimeSpan? retryAfter);
}
