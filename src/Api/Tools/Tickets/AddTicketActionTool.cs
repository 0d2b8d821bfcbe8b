using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary><c>halopsa_add_ticket_action</c>: a note, time entry or status change on a ticket.</summary>
public sealed class AddTicketActionTool() : HaloTool<ActionRow>(
    "halopsa_add_ticket_action",
    "Add an action to a ticket",
    "Adds an action to a HaloPSA ticket: a private or public note, optionally with time worked (minutes) and a new status. HaloPSA needs an outcome for every action; give one by name or id (see halopsa_list_outcomes) or leave it out for a private note.",
    ToolKind.Append,
    [
        Arg.Id("ticket_id", "The ticket.", required: true),
        Arg.Text("note", "The note text.", required: true, maxLength: Arg.LongTextLimit),
        new ToolArgument
        {
            Name = "outcome", Type = ToolArgumentType.IntegerOrString, MaxLength = 100, Minimum = 1, Maximum = int.MaxValue,
            Description = "The outcome, by id or by name (e.g. \"Private Note\", \"Phone Call\"). Default: a private note outcome.",
        },
        Arg.Number("timetaken", "Time worked, in minutes.", 0, 24 * 60),
        Arg.Flag("hidden_from_user", "Hide the action from the end user.", true),
        Arg.Id("new_status_id", "Move the ticket to this status."),
    ],
    HaloToolJsonContext.Default.ActionRow)
{
    /// <inheritdoc />
    protected override Task<ActionRow> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken)
    {
        var ticketId = arguments.RequiredInt("ticket_id");
        var outcome = arguments.Raw("outcome");
        return context.Ticket(ticketId).AddActionAsync(
            new AddActionCommand(
                arguments.RequiredText("note"), outcome as string, outcome is long id ? (int)id : null,
                arguments.Number("timetaken"), arguments.Flag("hidden_from_user"), arguments.Int("new_status_id")),
            cancellationToken);
    }

    /// <inheritdoc />
    protected override string Render(ActionRow result) => "Added " + TicketText.Action(result);
}
