using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_get_ticket</c>: one ticket with its newest actions.</summary>
public sealed class GetTicketTool() : HaloTool<TicketDetail>(
    "halopsa_get_ticket",
    "Get a ticket",
    "Reads one HaloPSA ticket: summary, details, client, site, user, status, priority, type, agent, team, SLA dates and time logged, with its newest actions (notes, emails, time entries) unless include_actions is false.",
    ToolKind.Read,
    [
        Arg.Id("ticket_id", "The ticket's id.", required: true),
        Arg.Flag("include_actions", "Include the newest actions (capped), newest first.", true),
    ],
    HaloToolJsonContext.Default.TicketDetail)
{
    /// <inheritdoc />
    protected override Task<TicketDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Ticket(arguments.RequiredInt("ticket_id")).GetAsync(arguments.Flag("include_actions"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(TicketDetail result) => TicketText.Detail(result);
}
