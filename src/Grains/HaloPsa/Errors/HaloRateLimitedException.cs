using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA kept answering 429 until the retries or the deadline ran out.</summary>
/// <param name="retryAfter">How long to wait before trying again (see <see cref="RetryAfter"/>).</param>
/// <param name="stated">Whether HaloPSA said so itself (a Retry-After header).</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloRateLimitedException(TimeSpan retryAfter, bool stated, string? path)
    : HaloApiException(
        stated
            ? $"HaloPSA rate limited the request; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s."
            : $"HaloPSA rate limited the request without saying for how long; its limit is a rolling window, so try again in about {Math.Ceiling(retryAfter.TotalSeconds)} s.",
        HttpStatusCode.TooManyRequests,
        path)
{
    /// <summary>
    /// The Retry-After HaloPSA sent; otherwise <see cref="Resilience.HaloRetryAfter.Unstated"/>, a short wait: HaloPSA's
    /// limit is a rolling window, so requests free up as older ones leave it, and the whole window (which its message
    /// names) is only the longest a caller could need.
    /// </summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>Whether <see cref="RetryAfter"/> is what HaloPSA asked for.</summary>
    public bool Stated { get; } = stated;
}
