namespace HaloMcp.Grains.Tickets;

/// <summary>Changes to the ticket whose grain receives it; only the fields given are changed.</summary>
/// <param name="Summary">New summary.</param>
/// <param name="Details">New details.</param>
/// <param name="StatusId">New status.</param>
/// <param name="PriorityId">New priority.</param>
/// <param name="TicketTypeId">New ticket type.</param>
/// <param name="TeamId">New team.</param>
/// <param name="AgentId">New agent.</param>
/// <param name="SiteId">New site.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.UpdateTicketCommand")]
public sealed record UpdateTicketCommand(
    string? Summary,
    string? Details,
    int? StatusId,
    int? PriorityId,
    int? TicketTypeId,
    int? TeamId,
    int? AgentId,
    int? SiteId)
{
    /// <summary>Whether the command changes anything.</summary>
    public bool HasChanges => Summary is not null || Details is not null || StatusId is not null || PriorityId is not null
        || TicketTypeId is not null || TeamId is not null || AgentId is not null || SiteId is not null;
}
