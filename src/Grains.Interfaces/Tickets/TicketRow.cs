namespace HaloMcp.Grains.Tickets;

/// <summary>A ticket in a list: ids beside the names a person reads.</summary>
/// <param name="Id">The ticket id.</param>
/// <param name="Summary">The summary.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="StatusId">The status.</param>
/// <param name="StatusName">The status name.</param>
/// <param name="PriorityId">The priority.</param>
/// <param name="PriorityName">The priority name.</param>
/// <param name="TicketTypeId">The ticket type.</param>
/// <param name="TicketTypeName">The ticket type name.</param>
/// <param name="AgentId">The assigned agent.</param>
/// <param name="AgentName">The agent's name.</param>
/// <param name="TeamId">The team.</param>
/// <param name="TeamName">The team name.</param>
/// <param name="DateOccurred">When it was logged (UTC).</param>
/// <param name="LastActionDate">When it last had an action (UTC).</param>
/// <param name="IsClosed">Whether its status is a closed one.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketRow")]
public sealed record TicketRow(
    int Id,
    string Summary,
    int ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    int StatusId,
    string? StatusName,
    int? PriorityId,
    string? PriorityName,
    int? TicketTypeId,
    string? TicketTypeName,
    int? AgentId,
    string? AgentName,
    int? TeamId,
    string? TeamName,
    DateTimeOffset? DateOccurred,
    DateTimeOffset? LastActionDate,
    bool IsClosed);
