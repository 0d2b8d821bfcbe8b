namespace HaloMcp.Api.Tools;

/// <summary>A short, unpaged list (reference data), wrapped in an object as MCP structured content must be.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows.</param>
/// <param name="Count">How many rows there are.</param>
public sealed record ItemList<T>(IReadOnlyList<T> Items, int Count)
{
    /// <summary>Wraps <paramref name="items"/>.</summary>
    public static ItemList<T> Of(IReadOnlyList<T> items) => new(items, items.Count);
}
