namespace HaloMcp.Grains.Tickets;

/// <summary>A new action on the ticket whose grain receives it.</summary>
/// <param name="Note">The note text.</param>
/// <param name="Outcome">The outcome by name, when no id is given.</param>
/// <param name="OutcomeId">The outcome by id.</param>
/// <param name="TimeTakenMinutes">Time to log, in minutes.</param>
/// <param name="HiddenFromUser">Hide it from the end user.</param>
/// <param name="NewStatusId">Move the ticket to this status.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.AddActionCommand")]
public sealed record AddActionCommand(
    string Note,
    string? Outcome,
    int? OutcomeId,
    double? TimeTakenMinutes,
    bool HiddenFromUser,
    int? NewStatusId);
