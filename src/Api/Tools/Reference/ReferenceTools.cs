using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Grains.Reference;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Reference;

/// <summary>The tenant's reference data (served from the tenant grain's caches) and its agents.</summary>
[McpServerToolType]
public sealed class ReferenceTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_agents", Title = "List agents", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists agents (technicians).")]
    public async Task<ItemList<AgentInfo>> ListAgents(
        [Range(1, int.MaxValue)] int? team_id = null,
        bool include_inactive = false,
        [Description("Text in name or email.")] string? search = null,
        CancellationToken cancellationToken = default) =>
        ItemList<AgentInfo>.Of(await grains.Tenant.GetAgentsAsync(new AgentQuery(team_id, include_inactive, search), cancellationToken));

    [McpServerTool(Name = "halopsa_get_agent", Title = "Get an agent", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one agent.")]
    public Task<AgentDetail> GetAgent(
        [Range(1, int.MaxValue)] int agent_id,
        CancellationToken cancellationToken = default) =>
        grains.Tenant.GetAgentAsync(agent_id, cancellationToken);

    [McpServerTool(Name = "halopsa_list_teams", Title = "List teams", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists agent teams.")]
    public async Task<ItemList<TeamInfo>> ListTeams(CancellationToken cancellationToken = default) =>
        ItemList<TeamInfo>.Of(await grains.Tenant.GetTeamsAsync(cancellationToken));

    [McpServerTool(Name = "halopsa_list_ticket_types", Title = "List ticket types", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists ticket types.")]
    public async Task<ItemList<TicketTypeInfo>> ListTicketTypes(CancellationToken cancellationToken = default) =>
        ItemList<TicketTypeInfo>.Of(await grains.Tenant.GetTicketTypesAsync(cancellationToken));

    [McpServerTool(Name = "halopsa_list_statuses", Title = "List statuses", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists ticket statuses.")]
    public async Task<ItemList<StatusInfo>> ListStatuses(CancellationToken cancellationToken = default) =>
        ItemList<StatusInfo>.Of(await grains.Tenant.GetStatusesAsync(cancellationToken));

    [McpServerTool(Name = "halopsa_list_priorities", Title = "List priorities", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists priorities with SLA hours.")]
    public async Task<ItemList<PriorityInfo>> ListPriorities(CancellationToken cancellationToken = default) =>
        ItemList<PriorityInfo>.Of(await grains.Tenant.GetPrioritiesAsync(cancellationToken));

    [McpServerTool(Name = "halopsa_list_asset_types", Title = "List asset types", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists asset types.")]
    public async Task<ItemList<AssetTypeInfo>> ListAssetTypes(CancellationToken cancellationToken = default) =>
        ItemList<AssetTypeInfo>.Of(await grains.Tenant.GetAssetTypesAsync(cancellationToken));

    [McpServerTool(Name = "halopsa_list_outcomes", Title = "List outcomes", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists action outcomes.")]
    public async Task<ItemList<OutcomeInfo>> ListOutcomes(CancellationToken cancellationToken = default) =>
        ItemList<OutcomeInfo>.Of(await grains.Tenant.GetOutcomesAsync(cancellationToken));
}
