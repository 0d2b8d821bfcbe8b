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
}
