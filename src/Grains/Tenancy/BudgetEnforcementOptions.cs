namespace HaloMcp.Grains.Tenancy;

/// <summary>How every tenant budget is enforced, bound from the <c>Budget</c> configuration section.</summary>
public sealed class BudgetEnforcementOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Budget";

    /// <summary>Added to each tenant's window W, so that network delay cannot fit N+1 requests into HaloPSA's window.</summary>
    public TimeSpan SkewMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a caller may wait for a permit when it brings no deadline of its own.</summary>
    public TimeSpan DefaultWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many permits one durable reservation covers at least (more when more callers are waiting). A silo's death can
    /// cost at most this many permits for one window (a recovering activation counts the unused rest of the last
    /// reservation as spent); a reservation is one storage write. 1: every permit is written ahead, callers that arrive
    /// together sharing one write.
    /// </summary>
    public int ReservationBlock { get; set; } = 8;
}
