namespace HaloMcp.Grains.Reference;

/// <summary>An action outcome (what <c>add_ticket_action</c> accepts).</summary>
/// <param name="Id">The outcome id.</param>
/// <param name="Name">The outcome name.</param>
/// <param name="HiddenFromUser">Whether actions with it are hidden from the end user by default.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.OutcomeInfo")]
public sealed record OutcomeInfo(
    int Id,
    string Name,
    bool HiddenFromUser);
