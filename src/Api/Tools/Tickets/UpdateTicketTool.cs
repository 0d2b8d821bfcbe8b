using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_update_ticket</c>: change fields of a ticket.</summary>
public sealed class UpdateTicketTool() : HaloTool<TicketDetail>(
    "halopsa_update_ticket",
    "Update a ticket",
    "Changes fields of a HaloPSA ticket; only the fields given change. To record work or a note, use halopsa_add_ticket_action instead.",
    ToolKind.Update,
    [
        Arg.Id("ticket_id", "The ticket to change.", required: true),
        Arg.Text("summary", "New summary."),
        Arg.Text("details", "New details.", maxLength: Arg.LongTextLimit),
        Arg.Id("status_id", "New status."),
        Arg.Id("priority_id", "New priority."),
        Arg.Id("tickettype_id", "New ticket type."),
        Arg.Id("team_id", "New team."),
        Arg.Id("agent_id", "New agent."),
        Arg.Id("site_id", "New site."),
    ],
    HaloToolJsonContext.Default.TicketDetail)
{
    /// <inheritdoc />
    protected override void Validate(ToolArguments arguments)
    {
        if (!ToCommand(arguments).HasChanges)
        {
            throw new ToolException("Give at least one field to change: summary, details, status_id, priority_id, tickettype_id, team_id, agent_id or site_id.");
        }
    }

    /// <inheritdoc />
    protected override Task<TicketDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken)
    {
        return context.Ticket(arguments.RequiredInt("ticket_id")).UpdateAsync(ToCommand(arguments), cancellationToken);
    }

    /// <inheritdoc />
    protected override string Render(TicketDetail result) => "Updated. " + TicketText.Detail(result);

    private static UpdateTicketCommand ToCommand(ToolArguments arguments) => new(
        arguments.Text("summary"), arguments.Text("details"), arguments.Int("status_id"),
        arguments.Int("priority_id"), arguments.Int("tickettype_id"), arguments.Int("team_id"), arguments.Int("agent_id"),
        arguments.Int("site_id"));
}
