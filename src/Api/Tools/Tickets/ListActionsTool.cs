using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_list_actions</c>: time entries, notes and billable work.</summary>
public sealed class ListActionsTool() : HaloTool<PagedResult<ActionRow>>(
    "halopsa_list_actions",
    "List actions and time entries",
    "Lists actions (notes, emails, time entries, billable work) newest first: one ticket's, or an agent's or a client's within a date range. Give at least one of ticket_id, agent_id or client_id. HaloPSA lists actions per ticket only, so without ticket_id this reads the 15 tickets of that client (or assigned to that agent) with the most recent activity and lists their actions: an agent's work on tickets assigned to others is not found this way, and the total counts only what those tickets hold.",
    ToolKind.Read,
    [
        Arg.Id("ticket_id", "Only this ticket's actions."),
        Arg.Id("agent_id", "Only this agent's actions."),
        Arg.Id("client_id", "Only actions on this client's tickets."),
        Arg.Date("date_from", "On or after this date."),
        Arg.Date("date_to", "Before this date."),
        Arg.Flag("billable_only", "Only billable actions.", false),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultActionRow)
{
    /// <inheritdoc />
    protected override void Validate(ToolArguments arguments)
    {
        RequireOrderedDates(arguments);
        if (!arguments.Has("ticket_id") && !arguments.Has("agent_id") && !arguments.Has("client_id"))
        {
            throw new ToolException("Give at least one of 'ticket_id', 'agent_id' or 'client_id': HaloPSA lists actions per ticket, agent or client.");
        }
    }

    /// <inheritdoc />
    protected override Task<PagedResult<ActionRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.ServiceDesk.ListActionsAsync(
            new ActionQuery(
                arguments.Int("ticket_id"), arguments.Int("agent_id"), arguments.Int("client_id"), arguments.Date("date_from"),
                arguments.Date("date_to"), arguments.Flag("billable_only"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<ActionRow> result) => ToolText.Page("Actions", result, TicketText.Action);
}
