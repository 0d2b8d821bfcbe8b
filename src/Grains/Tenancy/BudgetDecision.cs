namespace HaloMcp.Grains.Tenancy;

/// <summary>What <see cref="RequestGrantLog.TryTake"/> decided.</summary>
/// <param name="Granted">Whether a permit was taken.</param>
/// <param name="NextSlotAt">When granted, now; otherwise the earliest time a permit can be had (a pause included).</param>
/// <param name="InWindow">Permits in the window after the decision.</param>
/// <param name="Paused">Whether a pause after HaloPSA's 429 is what holds the permit back (not the tenant's own use).</param>
public readonly record struct BudgetDecision(bool Granted, DateTimeOffset NextSlotAt, int InWindow, bool Paused = false);
