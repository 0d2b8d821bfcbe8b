using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Grains.Upstream;

/// <summary>Turns HaloPSA's pages into ours, and pages a filter HaloPSA cannot apply itself.</summary>
public static class Pages
{
    /// <summary>How many upstream pages of 100 a filtered list may read before it asks the caller to narrow it.</summary>
    public const int MaxScanPages = 10;

    /// <summary>Maps a HaloPSA page row by row.</summary>
    public static PagedResult<TOut> Map<TIn, TOut>(HaloPage<TIn> page, Func<TIn, TOut> map) =>
        new([.. page.Items.Select(map)], page.Page, page.PageSize, page.Total, page.HasMore);

    /// <summary>
    /// One page of the rows that pass <paramref name="keep"/>, read from HaloPSA 100 rows at a time. The total is
    /// exact because the scan reads every matching upstream row; past <see cref="MaxScanPages"/> pages it refuses
    /// with advice to narrow the query instead of spending the tenant's budget.
    /// </summary>
    public static async Task<PagedResult<TOut>> FilterAsync<TIn, TOut>(
        Func<int, CancellationToken, Task<HaloPage<TIn>>> fetchUpstreamPage,
        Func<TIn, bool> keep,
        Func<TIn, TOut> map,
        int page,
        int pageSize,
        string narrowAdvice,
        CancellationToken cancellationToken)
    {
        var kept = new List<TIn>();
        for (var upstream = 1; ; upstream++)
        {
            if (upstream > MaxScanPages)
            {
                throw new HaloOperationException(HaloFailureKind.Validation,
                    $"More than {MaxScanPages * HaloApiClient.MaxPageSize:N0} records would have to be read; {narrowAdvice}");
            }

            var result = await fetchUpstreamPage(upstream, cancellationToken);
            kept.AddRange(result.Items.Where(keep));
            if (!result.HasMore || result.Items.Count == 0)
            {
                break;
            }
        }

        var rows = kept.Skip((page - 1) * pageSize).Take(pageSize).Select(map).ToList();
        return new PagedResult<TOut>(rows, page, pageSize, kept.Count, page * pageSize < kept.Count);
    }
}
