namespace HaloMcp.Silo.Cluster;

/// <summary>A snapshot of one tenant's budget for dashboards and tool answers.</summary>
/// <param name="InWindow">Permits granted in the current rolling window.</param>
/// <param name="Limit">N: permits allowed per window.</param>
/// <param name="PausedUntil">When HaloPSA asked us to stop, until when; otherwise null.</param>
public readonly record struct BudgetUsage(int InWindow, int Limit, DateTimeOffset? PausedUntil);
