namespace HaloMcp.Grains.HaloPsa;

/// <summary>One page of a HaloPSA list.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="Items">The records on this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="PageSize">The page size that was requested (after clamping to HaloPSA's 100).</param>
/// <param name="Total">HaloPSA's <c>record_count</c> (all matches); when HaloPSA sent none, the records seen so far.</param>
/// <param name="HasMore">Whether a later page has records.</param>
public sealed record HaloPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool HasMore);
