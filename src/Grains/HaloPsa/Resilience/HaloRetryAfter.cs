using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>Works out how long HaloPSA wants a rate-limited caller to wait.</summary>
internal static partial class HaloRetryAfter
{
    /// <summary>
    /// The wait told to a caller when HaloPSA sends no Retry-After: its limit is a rolling window, in which requests
    /// free up one by one as the oldest leave it, so a short wait is what most callers need (and a tenant grain backs off
    /// further while 429s continue).
    /// </summary>
    public static readonly TimeSpan Unstated = TimeSpan.FromSeconds(5);

    /// <summary>The Retry-After header (delta seconds or HTTP date) as a non-negative delay.</summary>
    public static TimeSpan? FromHeader(RetryConditionHeaderValue? header, TimeProvider timeProvider)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>
    /// The rolling window HaloPSA's 429 message names, e.g. "Rate Limit Reached - 300 Requests per rolling 5 minute
    /// window" → 5 minutes: the longest a caller can need to wait (every request counted against it has left the
    /// window by then), so it caps the back-off of repeated 429s.
    /// </summary>
    public static TimeSpan? FromMessage(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = WindowPattern().Match(message);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        return unit.StartsWith('h') ? TimeSpan.FromHours(n)
            : unit.StartsWith("m", StringComparison.Ordinal) ? TimeSpan.FromMinutes(n)
            : TimeSpan.FromSeconds(n);
    }

    [GeneratedRegex(@"(?<n>\d+)[\s-]*(?<unit>hours?|hrs?|minutes?|mins?|seconds?|secs?)\b[^.]{0,20}?window", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
