namespace HaloMcp.Grains.Tickets;

/// <summary>A new ticket for the client whose grain receives it.</summary>
/// <param name="Summary">The summary.</param>
/// <param name="Details">The details.</param>
/// <param name="SiteId">The site.</param>
/// <param name="UserId">The end user.</param>
/// <param name="TicketTypeId">The ticket type.</param>
/// <param name="PriorityId">The priority.</param>
/// <param name="StatusId">The status.</param>
/// <param name="TeamId">The team.</param>
/// <param name="AgentId">The agent.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.CreateTicketCommand")]
public sealed record CreateTicketCommand(
    string Summary,
    string? Details,
    int? SiteId,
    int? UserId,
    int? TicketTypeId,
    int? PriorityId,
    int? StatusId,
    int? TeamId,
    int? AgentId);
