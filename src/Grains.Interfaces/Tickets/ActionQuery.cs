namespace HaloMcp.Grains.Tickets;

/// <summary>Filters and paging for actions (time entries, notes, billable work).</summary>
/// <param name="TicketId">Only this ticket's actions.</param>
/// <param name="AgentId">Only this agent's actions.</param>
/// <param name="ClientId">Only actions on this client's tickets.</param>
/// <param name="DateFrom">On or after.</param>
/// <param name="DateTo">Before.</param>
/// <param name="BillableOnly">Only billable actions.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.ActionQuery")]
public sealed record ActionQuery(
    int? TicketId,
    int? AgentId,
    int? ClientId,
    DateTimeOffset? DateFrom,
    DateTimeOffset? DateTo,
    bool BillableOnly,
    int Page,
    int PageSize);
