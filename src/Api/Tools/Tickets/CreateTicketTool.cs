using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_create_ticket</c>: a new ticket for a client.</summary>
public sealed class CreateTicketTool() : HaloTool<TicketDetail>(
    "halopsa_create_ticket",
    "Create a ticket",
    "Creates a HaloPSA ticket for a client. Sending the same ticket again within 10 minutes returns the first one instead of creating a duplicate. Ids for the optional fields come from the list tools (statuses, priorities, ticket types, teams, agents, sites, users).",
    ToolKind.Create,
    [
        Arg.Text("summary", "The ticket's summary (its title).", required: true),
        Arg.Id("client_id", "The client the ticket is for.", required: true),
        Arg.Text("details", "The details (description).", maxLength: Arg.LongTextLimit),
        Arg.Id("site_id", "The client's site."),
        Arg.Id("user_id", "The end user who raised it."),
        Arg.Id("tickettype_id", "The ticket type."),
        Arg.Id("priority_id", "The priority."),
        Arg.Id("status_id", "The initial status."),
        Arg.Id("team_id", "The team to assign."),
        Arg.Id("agent_id", "The agent to assign."),
    ],
    HaloToolJsonContext.Default.TicketDetail)
{
    /// <inheritdoc />
    protected override Task<TicketDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken)
    {
        var clientId = arguments.RequiredInt("client_id");
        return context.Client(clientId).CreateTicketAsync(
            new CreateTicketCommand(
                arguments.RequiredText("summary"), arguments.Text("details"), arguments.Int("site_id"),
                arguments.Int("user_id"), arguments.Int("tickettype_id"), arguments.Int("priority_id"), arguments.Int("status_id"),
                arguments.Int("team_id"), arguments.Int("agent_id")),
            cancellationToken);
    }

    /// <inheritdoc />
    protected override string Render(TicketDetail result) => "Created. " + TicketText.Detail(result);
}
