namespace HaloMcp.Grains.Search;

/// <summary>One search hit.</summary>
/// <param name="Id">The entity id.</param>
/// <param name="Title">What it is called.</param>
/// <param name="Subtitle">What distinguishes it (client, status...).</param>
[GenerateSerializer, Immutable, Alias("halo.Search.SearchHit")]
public sealed record SearchHit(
    int Id,
    string Title,
    string? Subtitle);
