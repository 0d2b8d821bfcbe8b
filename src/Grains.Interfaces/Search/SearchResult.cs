namespace HaloMcp.Grains.Search;

/// <summary>The hits of a search.</summary>
/// <param name="Entity">What was searched.</param>
/// <param name="Query">The text.</param>
/// <param name="Items">The hits.</param>
/// <param name="Total">How many matched in all.</param>
[GenerateSerializer, Immutable, Alias("halo.Search.SearchResult")]
public sealed record SearchResult(
    SearchEntity Entity,
    string Query,
    IReadOnlyList<SearchHit> Items,
    int Total);
