using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.Grains.HaloPsa.Resilience;

namespace HaloMcp.Grains.HaloPsa;

/// <content>Reference data: agents, teams, types, statuses, priorities, outcomes (bare arrays, no paging).</content>
public sealed partial class HaloApiClient
{
    /// <summary>Lists agents (<c>GET /Agent</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloAgent>> ListAgentsAsync(AgentQuery query, CancellationToken cancellationToken) =>
        GetListAsync("Agent", HaloQueryParameters.For(query), "agents", "agent", HaloJsonContext.Default.HaloAgent, cancellationToken);

    /// <summary>Gets one agent (<c>GET /Agent/{id}</c>).</summary>
    public Task<HaloAgent> GetAgentAsync(int agentId, CancellationToken cancellationToken) =>
        GetOneAsync("Agent", "agent", agentId, HaloJsonContext.Default.HaloAgent, cancellationToken);

    /// <summary>The agent the token belongs to (<c>GET /Agent/me</c>): who signed in, for an agent's own token.</summary>
    public async Task<HaloAgent> GetCurrentAgentAsync(CancellationToken cancellationToken)
    {
        var request = new HaloRequest(HttpMethod.Get, "Agent/me", HaloRequestKind.Read, "agent", "me");
        var response = await ReadAsync(request, cancellationToken);
        return ParseSingle(response, request, HaloJsonContext.Default.HaloAgent, absentMeansNotFound: true);
    }

    /// <summary>Lists teams (<c>GET /Team</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloTeam>> ListTeamsAsync(CancellationToken cancellationToken) =>
        GetListAsync("Team", [], "teams", "team", HaloJsonContext.Default.HaloTeam, cancellationToken);

    /// <summary>Lists ticket types (<c>GET /TicketType</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloTicketType>> ListTicketTypesAsync(CancellationToken cancellationToken) =>
        GetListAsync("TicketType", [], "tickettypes", "ticket type", HaloJsonContext.Default.HaloTicketType, cancellationToken);

    /// <summary>Lists statuses (<c>GET /Status</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloStatus>> ListStatusesAsync(CancellationToken cancellationToken) =>
        GetListAsync("Status", [], "statuses", "status", HaloJsonContext.Default.HaloStatus, cancellationToken);

    /// <summary>Lists priorities, one row per SLA and priority (<c>GET /Priority</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloPriority>> ListPrioritiesAsync(CancellationToken cancellationToken) =>
        GetListAsync("Priority", [], "priorities", "priority", HaloJsonContext.Default.HaloPriority, cancellationToken);

    /// <summary>Lists action outcomes (<c>GET /Outcome</c>, a bare array): what an added action may be.</summary>
    public Task<IReadOnlyList<HaloOutcome>> ListOutcomesAsync(CancellationToken cancellationToken) =>
        GetListAsync("Outcome", [], "outcomes", "outcome", HaloJsonContext.Default.HaloOutcome, cancellationToken);

    /// <summary>Lists asset types (<c>GET /AssetType</c>, a bare array).</summary>
    public Task<IReadOnlyList<HaloAssetType>> ListAssetTypesAsync(CancellationToken cancellationToken) =>
        GetListAsync("AssetType", [], "assettypes", "asset type", HaloJsonContext.Default.HaloAssetType, cancellationToken);
}
