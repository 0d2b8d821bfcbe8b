using HaloMcp.Grains.Ops;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HaloMcp.Silo.Ops;

/// <summary>The silo's <see cref="ISiloOpsService"/>: answers from memory, never from a grain.</summary>
internal sealed class SiloOpsService(GrainId grainId, Orleans.Runtime.Silo silo, ILoggerFactory loggers, TenantActivityAggregator aggregator)
    : GrainService(grainId, silo, loggers), ISiloOpsService
{
    public Task<IReadOnlyList<TenantActivity>> GetTenantActivityAsync() => Task.FromResult(aggregator.Snapshot());

    public Task<IReadOnlyList<BudgetHistory>> GetBudgetHistoryAsync(IReadOnlyList<string> tenantIds) => Task.FromResult(aggregator.History(tenantIds));
}
