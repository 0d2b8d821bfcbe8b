namespace HaloMcp.Grains.Reference;

/// <summary>A ticket status.</summary>
/// <param name="Id">The status id tickets carry.</param>
/// <param name="Name">The status name.</param>
/// <param name="ShortName">The short name, if any.</param>
/// <param name="IsClosed">Whether tickets in this status count as closed (Closed, Cancelled).</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.StatusInfo")]
public sealed record StatusInfo(
    int Id,
    string Name,
    string? ShortName,
    bool IsClosed);
