namespace HaloMcp.Grains.Reference;

/// <summary>A tenant's request budget as the dashboard and tools show it.</summary>
/// <param name="Limit">N: requests allowed per window.</param>
/// <param name="WindowSeconds">W, in seconds (as enforced, including the skew margin).</param>
/// <param name="InWindow">Requests made in the current rolling window.</param>
/// <param name="Waiting">Callers waiting for a permit right now.</param>
/// <param name="PausedUntil">When HaloPSA answered 429, until when the tenant is paused.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.TenantBudgetStatus")]
public sealed record TenantBudgetStatus(int Limit, double WindowSeconds, int InWindow, int Waiting, DateTimeOffset? PausedUntil);
