using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA kept answering 429 until the retries or the deadline ran out.</summary>
/// <param name="retryAfter">How long to wait before trying again (see <see cref="RetryAfter"/>).</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloRateLimitedException(TimeSpan retryAfter, string? path)
    : HaloApiException($"HaloPSA rate limited the request; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.", HttpStatusCode.TooManyRequests, path)
{
    /// <summary>
    /// The Retry-After HaloPSA sent; otherwise the rolling window its message names ("300 Requests per rolling
    /// 5 minute window" → 5 minutes), which is the longest the caller could need to wait for the oldest request to
    /// leave the window; otherwise one minute.
    /// </summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
