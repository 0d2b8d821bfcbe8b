using HaloMcp.Grains.Ops;
using Orleans.Services;

namespace HaloMcp.Silo.Ops;

/// <summary>One per silo: what that silo's <see cref="TenantActivityAggregator"/> has counted.</summary>
[Alias("halo.Ops.ISiloOpsService")]
public interface ISiloOpsService : IGrainService
{
    /// <summary>Every tenant this silo has seen within the aggregator's retention.</summary>
    [Alias("GetTenantActivity")]
    Task<IReadOnlyList<TenantActivity>> GetTenantActivityAsync();

    /// <summary>The last hour's permits of the tenants asked for, as this silo granted them.</summary>
    [Alias("GetBudgetHistory")]
    Task<IReadOnlyList<BudgetHistory>> GetBudgetHistoryAsync(IReadOnlyList<string> tenantIds);
}
