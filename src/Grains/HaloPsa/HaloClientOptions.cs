namespace HaloMcp.Grains.HaloPsa;

/// <summary>Timeouts, retries and token refresh for <see cref="HaloApiClient"/>; bound from <see cref="SectionName"/>.</summary>
public sealed class HaloClientOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "HaloPsa";

    /// <summary>
    /// How long one HTTP exchange may take before it is abandoned (waiting for a permit does not count). Well below
    /// <see cref="ReadDeadline"/>, so that a slow read is retried within its deadline.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>The overall time a read may take across all its attempts and back-off waits.</summary>
    public TimeSpan ReadDeadline { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>The overall time a write may spend waiting out 429s and refused connections.</summary>
    public TimeSpan WriteDeadline { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How many times an attempt is retried (so at most <c>MaxRetries + 1</c> attempts).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single back-off delay when HaloPSA gives no Retry-After.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long before expiry a cached token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(2);
}
