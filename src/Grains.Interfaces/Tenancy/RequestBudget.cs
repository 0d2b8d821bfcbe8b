namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A tenant's HaloPSA request budget: at most <paramref name="Requests"/> upstream requests in any rolling
/// <paramref name="Window"/>.
/// </summary>
/// <param name="Requests">N: requests allowed per window.</param>
/// <param name="Window">W: the rolling window.</param>
public sealed record RequestBudget(int Requests, TimeSpan Window)
{
    /// <summary>300 requests per rolling 5 minutes, as real hosted tenants report in their 429 messages.</summary>
    public static RequestBudget Default { get; } = new(300, TimeSpan.FromMinutes(5));
}
