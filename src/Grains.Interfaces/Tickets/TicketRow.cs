namespace HaloMcp.Grains.Tickets;

/// <summary>
/// A ticket in a list: what a queue shows, ids beside the names a person reads. Site, ticket type, team and the date it
/// was logged are left to <c>get_ticket</c> (and to the list's filters and order: newest logged first): with them a page
/// of 25 rows would not fit a model's context budget.
/// </summary>
/// <param name="Id">The ticket id.</param>
/// <param name="Summary">The summary.</param>
/// <param name="ClientId">The client; left out of the rows of a list filtered by client, where every row would repeat it.</param>
/// <param name="ClientName">The client's name; left out with <paramref name="ClientId"/>.</param>
/// <param name="StatusId">The status.</param>
/// <param name="StatusName">The status name.</param>
/// <param name="PriorityId">The priority.</param>
/// <param name="PriorityName">The priority name.</param>
/// <param name="AgentId">The assigned agent.</param>
/// <param name="AgentName">The agent's name.</param>
/// <param name="LastActionDate">When it last had an action (UTC).</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketRow")]
public sealed record TicketRow(
    int Id,
    string Summary,
    int? ClientId,
    string? ClientName,
    int StatusId,
    string? StatusName,
    int? PriorityId,
    string? PriorityName,
    int? AgentId,
    string? AgentName,
    DateTimeOffset? LastActionDate);
