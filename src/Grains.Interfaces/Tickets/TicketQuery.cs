namespace HaloMcp.Grains.Tickets;

/// <summary>Filters and paging for a ticket list.</summary>
/// <param name="ClientId">Only this client's tickets.</param>
/// <param name="SiteId">Only this site's tickets.</param>
/// <param name="AgentId">Only tickets assigned to this agent.</param>
/// <param name="TeamId">Only this team's tickets.</param>
/// <param name="StatusId">Only tickets in this status.</param>
/// <param name="PriorityId">Only this priority.</param>
/// <param name="TicketTypeId">Only this ticket type.</param>
/// <param name="OpenOnly">Only open tickets.</param>
/// <param name="Search">Summary or details contain.</param>
/// <param name="DateFrom">Logged on or after.</param>
/// <param name="DateTo">Logged before.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketQuery")]
public sealed record TicketQuery(
    int? ClientId,
    int? SiteId,
    int? AgentId,
    int? TeamId,
    int? StatusId,
    int? PriorityId,
    int? TicketTypeId,
    bool OpenOnly,
    string? Search,
    DateTimeOffset? DateFrom,
    DateTimeOffset? DateTo,
    int Page,
    int PageSize);
