namespace HaloMcp.Grains.Tickets;

/// <summary>An action (note, email, time entry) on a ticket.</summary>
/// <param name="Id">The action id.</param>
/// <param name="TicketId">The ticket (left out inside a ticket's own result).</param>
/// <param name="Outcome">The outcome name.</param>
/// <param name="OutcomeId">The outcome id.</param>
/// <param name="Who">Who did it.</param>
/// <param name="AgentId">The agent, when an agent did it.</param>
/// <param name="Date">When (UTC).</param>
/// <param name="Note">The note text (plain, capped).</param>
/// <param name="TimeTakenMinutes">Time logged, in minutes.</param>
/// <param name="HiddenFromUser">Whether the end user cannot see it.</param>
/// <param name="IsBillable">Whether the time is billable.</param>
/// <param name="NewStatusName">The status the action moved the ticket to, if any.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.ActionRow")]
public sealed record ActionRow(
    int Id,
    int? TicketId,
    string? Outcome,
    int? OutcomeId,
    string? Who,
    int? AgentId,
    DateTimeOffset? Date,
    string? Note,
    double TimeTakenMinutes,
    bool HiddenFromUser,
    bool IsBillable,
    string? NewStatusName);
