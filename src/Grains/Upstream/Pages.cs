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
    /// exact because the scan reads every matching upstream row. A scan that would need more than
    /// <see cref="MaxScanPages"/> pages is refused with advice to narrow the query as soon as HaloPSA's first page says
    /// how many rows there are: one request, not ten, and none when <paramref name="refusals"/> remembers the query.
    /// </summary>
    /// <param name="fetchUpstreamPage">Reads upstream page N (1-based) of 100 rows.</param>
    /// <param name="keep">The filter HaloPSA cannot apply.</param>
    /// <param name="map">Maps a kept row.</param>
    /// <param name="page">Our page.</param>
    /// <param name="pageSize">Our page size.</param>
    /// <param name="narrowAdvice">How to narrow the query, e.g. "give a client_id.".</param>
    /// <param name="refusals">Queries already refused as too wide, and <paramref name="query"/>, the one this is.</param>
    /// <param name="query">Identifies the upstream query (without its page) for <paramref name="refusals"/>.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    public static async Task<PagedResult<TOut>> FilterAsync<TIn, TOut>(
        Func<int, CancellationToken, Task<HaloPage<TIn>>> fetchUpstreamPage,
        Func<TIn, bool> keep,
        Func<TIn, TOut> map,
        int page,
        int pageSize,
        string narrowAdvice,
        RefusedScans refusals,
        object query,
        CancellationToken cancellationToken)
    {
        if (refusals.Refuses(query) is { } known)
        {
            throw TooWide(known, narrowAdvice);
        }

        var kept = new List<TIn>();
        for (var upstream = 1; ; upstream++)
        {
            var result = await fetchUpstreamPage(upstream, cancellationToken);
            if (upstream == 1 && result.HasMore && result.Total > MaxScanPages * HaloApiClient.MaxPageSize)
            {
                refusals.Remember(query, result.Total);
                throw TooWide(result.Total, narrowAdvice);
            }

            if (upstream > MaxScanPages)
            {
                // HaloPSA's count was low, or missing, and the rows kept coming.
                throw TooWide(upstream * HaloApiClient.MaxPageSize, narrowAdvice);
            }

            kept.AddRange(result.Items.Where(keep));
            if (!result.HasMore || result.Items.Count == 0)
            {
                break;
            }
        }

        var rows = kept.Skip((page - 1) * pageSize).Take(pageSize).Select(map).ToList();
        return new PagedResult<TOut>(rows, page, pageSize, kept.Count, page * pageSize < kept.Count);
    }

    private static HaloOperationException TooWide(int records, string narrowAdvice) =>
        new(HaloFailureKind.Validation,
            $"{records:N0} records would have to be read, more than {MaxScanPages * HaloApiClient.MaxPageSize:N0}; {narrowAdvice}");
}
