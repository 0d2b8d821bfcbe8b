namespace HaloMcp.Grains.Tickets;

/// <summary>One ticket with the fields a person reads, trimmed of HaloPSA's internal noise.</summary>
/// <param name="Id">The ticket id.</param>
/// <param name="Summary">The summary.</param>
/// <param name="Details">The details text (plain, capped).</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="UserId">The end user who raised it.</param>
/// <param name="UserName">The end user's name.</param>
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
/// <param name="Category">The category path, e.g. <c>Hardware&gt;Laptop</c>.</param>
/// <param name="DateOccurred">When it was logged (UTC).</param>
/// <param name="DateClosed">When it was closed (UTC).</param>
/// <param name="RespondBy">Response target (UTC).</param>
/// <param name="FixBy">Fix target (UTC).</param>
/// <param name="LastActionDate">Last action (UTC).</param>
/// <param name="TimeTakenHours">Time logged against it, in hours.</param>
/// <param name="OnHold">Whether the SLA clock is on hold.</param>
/// <param name="IsClosed">Whether its status is a closed one.</param>
/// <param name="Actions">Its actions, newest first, capped; null when they were not read (and in a write's answer).</param>
/// <param name="ActionsTotal">How many actions it has in all; null when actions were not read.</param>
/// <param name="FromCache">On reads: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">On reads: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketDetail")]
public sealed record TicketDetail(
    int Id,
    string Summary,
    string? Details,
    int ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    int? UserId,
    string? UserName,
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
    string? Category,
    DateTimeOffset? DateOccurred,
    DateTimeOffset? DateClosed,
    DateTimeOffset? RespondBy,
    DateTimeOffset? FixBy,
    DateTimeOffset? LastActionDate,
    double TimeTakenHours,
    bool OnHold,
    bool IsClosed,
    IReadOnlyList<ActionRow>? Actions,
    int? ActionsTotal,
    bool? FromCache = null,
    int? AgeSeconds = null);
