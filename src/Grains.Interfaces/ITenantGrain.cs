using HaloMcp.Grains.Reference;

namespace HaloMcp.Grains;

/// <summary>
/// The owner of one tenant (key: tenant id): its HaloPSA token, its request budget and its reference-data caches.
/// Everything here is handed out from memory in microseconds, so the methods interleave.
/// </summary>
[Alias("halo.ITenantGrain")]
[Repeatable]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>The tenant's ticket statuses (cached).</summary>
    [Alias("GetStatuses")]
    Task<IReadOnlyList<StatusInfo>> GetStatusesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's ticket types (cached).</summary>
    [Alias("GetTicketTypes")]
    Task<IReadOnlyList<TicketTypeInfo>> GetTicketTypesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's priorities, one per priority id (cached).</summary>
    [Alias("GetPriorities")]
    Task<IReadOnlyList<PriorityInfo>> GetPrioritiesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's teams (cached).</summary>
    [Alias("GetTeams")]
    Task<IReadOnlyList<TeamInfo>> GetTeamsAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's agents matching <paramref name="query"/> (filtered from the cached list).</summary>
    [Alias("GetAgents")]
    Task<IReadOnlyList<AgentInfo>> GetAgentsAsync(AgentQuery query, CancellationToken cancellationToken);

    /// <summary>One agent.</summary>
    [Alias("GetAgent")]
    Task<AgentDetail> GetAgentAsync(int agentId, CancellationToken cancellationToken);

    /// <summary>The tenant's asset types (cached).</summary>
    [Alias("GetAssetTypes")]
    Task<IReadOnlyList<AssetTypeInfo>> GetAssetTypesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's action outcomes (cached).</summary>
    [Alias("GetOutcomes")]
    Task<IReadOnlyList<OutcomeInfo>> GetOutcomesAsync(CancellationToken cancellationToken);

    /// <summary>How much of the tenant's HaloPSA request budget is in use.</summary>
    [Alias("GetBudgetStatus")]
    Task<TenantBudgetStatus> GetBudgetStatusAsync(CancellationToken cancellationToken);
}
