namespace HaloMcp.HaloSim;

/// <summary>How one <c>/api</c> collection answers: its record kind, list envelope and permission area.</summary>
/// <param name="Segment">The path segment as HaloPSA spells it (matched case-insensitively).</param>
/// <param name="Kind">The records it serves.</param>
/// <param name="EnvelopeKey">The list envelope's collection key, or null when the list is a bare array.</param>
/// <param name="Area">The scope area (<c>read:</c>/<c>edit:</c> suffix) that guards it.</param>
/// <param name="Label">A human name for messages ("Ticket").</param>
internal sealed record EntityRoute(string Segment, SimEntityKind Kind, string? EnvelopeKey, string Area, string Label);
