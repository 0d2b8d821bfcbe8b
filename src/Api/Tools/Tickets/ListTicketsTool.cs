using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_list_tickets</c>: one page of tickets, filtered.</summary>
public sealed class ListTicketsTool() : HaloTool<PagedResult<TicketRow>>(
    "halopsa_list_tickets",
    "List tickets",
    "Lists HaloPSA tickets, newest first, as compact rows with client, status, priority, agent and team names beside their ids. Filter by client, site, agent, team, status, priority, ticket type, open only, text, or the date logged. Use halopsa_get_ticket for one ticket's details and actions.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's tickets."),
        Arg.Id("site_id", "Only this site's tickets."),
        Arg.Id("agent_id", "Only tickets assigned to this agent."),
        Arg.Id("team_id", "Only this team's tickets."),
        Arg.Id("status_id", "Only tickets in this status (see halopsa_list_statuses)."),
        Arg.Id("priority_id", "Only this priority (see halopsa_list_priorities)."),
        Arg.Id("tickettype_id", "Only this ticket type (see halopsa_list_ticket_types)."),
        Arg.Flag("open_only", "Only open tickets (not closed or cancelled).", false),
        Arg.Text("search", "Summary or details contain this text."),
        Arg.Date("date_from", "Logged on or after this date."),
        Arg.Date("date_to", "Logged before this date."),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultTicketRow)
{
    /// <inheritdoc />
    protected override void Validate(ToolArguments arguments) => RequireOrderedDates(arguments);

    /// <inheritdoc />
    protected override Task<PagedResult<TicketRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.ServiceDesk.ListTicketsAsync(
            new TicketQuery(
                arguments.Int("client_id"), arguments.Int("site_id"), arguments.Int("agent_id"), arguments.Int("team_id"),
                arguments.Int("status_id"), arguments.Int("priority_id"), arguments.Int("tickettype_id"), arguments.Flag("open_only"),
                arguments.Text("search"), arguments.Date("date_from"), arguments.Date("date_to"),
                arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<TicketRow> result) => ToolText.Page("Tickets", result, TicketText.Row);
}
