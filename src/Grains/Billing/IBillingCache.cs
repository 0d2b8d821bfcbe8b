namespace HaloMcp.Grains.Billing;

/// <summary>What the grains tell a tenant's billing grain (internal to the grains: the Api never calls it).</summary>
[Alias("halo.IBillingCache")]
public interface IBillingCache : IGrainWithStringKey
{
    /// <summary>
    /// Invoices or recurring schedules of <paramref name="clientId"/> (of an unknown client when null) changed: the
    /// cached breakdowns they count in go.
    /// </summary>
    [Alias("DropRevenue")]
    Task DropRevenueAsync(int? clientId);
}
