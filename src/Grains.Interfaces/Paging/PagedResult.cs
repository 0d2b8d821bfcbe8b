namespace HaloMcp.Grains.Paging;

/// <summary>One page of a list, with honest totals.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size used.</param>
/// <param name="Total">How many rows match in all (HaloPSA's <c>record_count</c>).</param>
/// <param name="HasMore">Whether a later page has rows.</param>
/// <param name="FromCache">For cached lists: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">For cached lists: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Paging.PagedResult`1")]
public sealed record PagedResult<T>(
    IReadOnlyList<T> Items,
    int Page,
    int PageSize,
    int Total,
    bool HasMore,
    bool? FromCache = null,
    int? AgeSeconds = null);
