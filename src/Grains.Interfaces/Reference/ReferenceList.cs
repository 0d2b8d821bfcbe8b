namespace HaloMcp.Grains.Reference;

/// <summary>A tenant's reference data of one kind, as its cache holds it.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows (all of them: reference data is not paged).</param>
/// <param name="FromCache">Whether they were served from the tenant's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">How many seconds ago they were known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.ReferenceList`1")]
public sealed record ReferenceList<T>(IReadOnlyList<T> Items, bool FromCache, int AgeSeconds);
