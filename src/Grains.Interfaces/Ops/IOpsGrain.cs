namespace HaloMcp.Grains.Ops;

/// <summary>
/// What the operations page reads about the whole cluster (key: 0). Every silo aggregates the metrics its own grains
/// emit (meter <c>HaloMcp.Grains</c> and HaloPSA's HTTP requests); this grain asks each live silo and merges their
/// answers, so the page sees the same figures whether it is served by the process that hosts the grains or by a
/// front end of a cluster. Nothing here activates a tenant's grains or reads a tenant's HaloPSA data.
/// </summary>
[Alias("halo.Ops.IOpsGrain")]
public interface IOpsGrain : IGrainWithIntegerKey
{
    /// <summary>Every tenant seen in the last hour, with its counters merged over all silos.</summary>
    [Alias("GetTenantActivity")]
    Task<IReadOnlyList<TenantActivity>> GetTenantActivityAsync(CancellationToken cancellationToken);

    /// <summary>Upstream permits granted per <see cref="BudgetHistory.BucketSeconds"/> over the last hour, per tenant asked for.</summary>
    [Alias("GetBudgetHistory")]
    Task<IReadOnlyList<BudgetHistory>> GetBudgetHistoryAsync(IReadOnlyList<string> tenantIds, CancellationToken cancellationToken);

    /// <summary>The cluster's silos and its activations per grain type, as Orleans counts them.</summary>
    [Alias("GetCluster")]
    Task<ClusterOverview> GetClusterAsync(CancellationToken cancellationToken);
}
