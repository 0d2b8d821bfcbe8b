namespace HaloMcp.Grains.Tenancy;

/// <summary>How long cached data lives, bound from the <c>Caching</c> configuration section.</summary>
public sealed class ReferenceDataOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Caching";

    /// <summary>
    /// Reference data (statuses, ticket types, priorities, teams, agents, asset types, outcomes). An hour: these change
    /// rarely (an administrator's edit), while every reload spends the tenant's scarce HaloPSA budget; lower it for
    /// tenants whose configuration moves faster.
    /// </summary>
    public TimeSpan ReferenceDataTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A ticket or client read through its grain; its own writes drop it at once.</summary>
    public TimeSpan EntityTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many actions <c>get_ticket</c> shows, newest first.</summary>
    public int TicketActionCap { get; set; } = 20;

    /// <summary>How long an identical create is answered from its first result instead of being sent again.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromMinutes(10);
}
