using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools;

/// <summary>A short, unpaged list (reference data), wrapped in an object as MCP structured content must be.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows (all of them: reference data is not paged).</param>
/// <param name="FromCache">For cached lists: whether they came from the tenant's cache rather than from HaloPSA now.</param>
/// <param name="AgeSeconds">For cached lists: how many seconds ago they were known to be current in HaloPSA.</param>
public sealed record ItemList<T>(IReadOnlyList<T> Items, bool? FromCache = null, int? AgeSeconds = null)
{
    /// <summary>The tenant grain's cached list as a result.</summary>
    public static ItemList<T> Of(ReferenceList<T> list) => new(list.Items, list.FromCache, list.AgeSeconds);

    /// <summary>A list read from HaloPSA for this call.</summary>
    public static ItemList<T> Of(IReadOnlyList<T> items) => new(items);
}
