using System.Net;

namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>One buffered HaloPSA answer: what the retry strategies look at and the client parses.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The whole body (HaloPSA answers are small enough to buffer, and buffering makes a dropped
/// connection surface inside the attempt instead of later in parsing).</param>
/// <param name="RetryAfter">The Retry-After header as a delay, when HaloPSA sent one.</param>
internal sealed record HaloResponse(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public bool IsRateLimited => Status == HttpStatusCode.TooManyRequests;

    public bool IsServerError => (int)Status >= 500;
}
