namespace HaloMcp.Silo.Cluster;

/// <summary>The answer of a <see cref="IRequestBudgetStore"/> to one request for a permit.</summary>
/// <param name="Granted">True when a permit was taken and recorded.</param>
/// <param name="NextSlotAt">When refused: the earliest time a permit can be granted (a grant leaves the window,
/// or a pause ends). When granted: the time of the grant.</param>
/// <param name="InWindow">How many permits the window holds after this decision.</param>
public readonly record struct BudgetDecision(bool Granted, DateTimeOffset NextSlotAt, int InWindow);
