namespace HaloMcp.Api.Tools;

/// <summary>A short, unpaged list (reference data), wrapped in an object as MCP structured content must be.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows (all of them: reference data is not paged).</param>
public sealed record ItemList<T>(IReadOnlyList<T> Items)
{
    /// <summary>Wraps <paramref name="items"/>.</summary>
    public static ItemList<T> Of(IReadOnlyList<T> items) => new(items);
}
