namespace HaloMcp.Grains.Tenancy;

/// <summary>How much of a budget's window is in use.</summary>
/// <param name="InWindow">Permits granted in the window ending now.</param>
/// <param name="Limit">N.</param>
/// <param name="PausedUntil">The pause a 429 imposed, while it lasts.</param>
public readonly record struct BudgetUsage(int InWindow, int Limit, DateTimeOffset? PausedUntil);
