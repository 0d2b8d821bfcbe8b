namespace HaloMcp.Grains.Assets;

/// <summary>A ticket linked to an asset.</summary>
/// <param name="Id">The ticket id.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="StatusName">Its status.</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.LinkedTicket")]
public sealed record LinkedTicket(
    int Id,
    string? Summary,
    string? StatusName);
