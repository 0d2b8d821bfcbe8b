namespace HaloMcp.Grains.Search;

/// <summary>The hits of a search.</summary>
/// <param name="Entity">What was searched.</param>
/// <param name="Query">The text.</param>
/// <param name="Items">The hits.</param>
/// <param name="Total">How many matched in all.</param>
/// <param name="FromCache">For cached searches: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">For cached searches: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Search.SearchResult")]
public sealed record SearchResult(
    SearchEntity Entity,
    string Query,
    IReadOnlyList<SearchHit> Items,
    int Total,
    bool? FromCache = null,
    int? AgeSeconds = null);
