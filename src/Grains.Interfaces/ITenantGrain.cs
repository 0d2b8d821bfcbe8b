using HaloMcp.Grains.Reference;

namespace HaloMcp.Grains;

/// <summary>
/// The owner of one tenant (key: tenant id): its HaloPSA token, its request budget and its reference-data caches.
/// Everything here is handed out from memory in microseconds, so the methods interleave. Reference data says whether
/// it came from the cache and how old it is.
/// </summary>
[Alias("halo.ITenantGrain")]
[Repeatable]
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>The tenant's ticket statuses (cached).</summary>
    [Alias("GetStatuses")]
    Task<ReferenceList<StatusInfo>> GetStatusesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's ticket types (cached).</summary>
    [Alias("GetTicketTypes")]
    Task<ReferenceList<TicketTypeInfo>> GetTicketTypesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's priorities, one per priority id (cached).</summary>
    [Alias("GetPriorities")]
    Task<ReferenceList<PriorityInfo>> GetPrioritiesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's teams (cached).</summary>
    [Alias("GetTeams")]
    Task<ReferenceList<TeamInfo>> GetTeamsAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's agents matching <paramref name="query"/> (filtered from the cached list).</summary>
    [Alias("GetAgents")]
    Task<ReferenceList<AgentInfo>> GetAgentsAsync(AgentQuery query, CancellationToken cancellationToken);

    /// <summary>One agent.</summary>
    [Alias("GetAgent")]
    Task<AgentDetail> GetAgentAsync(int agentId, CancellationToken cancellationToken);

    /// <summary>The tenant's asset types (cached).</summary>
    [Alias("GetAssetTypes")]
    Task<ReferenceList<AssetTypeInfo>> GetAssetTypesAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's action outcomes (cached).</summary>
    [Alias("GetOutcomes")]
    Task<ReferenceList<OutcomeInfo>> GetOutcomesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Completes a HaloPSA agent sign-in: redeems HaloPSA's authorization <paramref name="code"/> (with the PKCE
    /// <paramref name="codeVerifier"/> and the <paramref name="redirectUri"/> it was issued for) at the tenant's
    /// authorisation server, keeps the agent's tokens as sign-in <paramref name="sessionId"/>, and asks HaloPSA who
    /// signed in. From then on, calls that act for <paramref name="sessionId"/> (<see cref="Tenancy.ActingAgent"/>) use
    /// that agent's token.
    /// </summary>
    /// <exception cref="Errors.HaloOperationException">Sign-in is off for the tenant, or HaloPSA refused the code.</exception>
    [Alias("SignInAgent")]
    Task<SignedInAgent> SignInAgentAsync(string sessionId, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken);

    /// <summary>How much of the tenant's HaloPSA request budget is in use.</summary>
    [Alias("GetBudgetStatus")]
    Task<TenantBudgetStatus> GetBudgetStatusAsync(CancellationToken cancellationToken);
}
