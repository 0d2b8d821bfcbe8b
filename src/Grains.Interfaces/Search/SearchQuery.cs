namespace HaloMcp.Grains.Search;

/// <summary>A free-text search over one kind of entity.</summary>
/// <param name="Entity">What to search.</param>
/// <param name="Query">The text.</param>
/// <param name="Limit">How many hits at most (1 to 50).</param>
[GenerateSerializer, Immutable, Alias("halo.Search.SearchQuery")]
public sealed record SearchQuery(
    SearchEntity Entity,
    string Query,
    int Limit);
