namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing clients (<c>GET /Client</c>).</summary>
public sealed record ClientQuery
{
    /// <summary>Name contains this text (sent as HaloPSA's <c>advanced_search</c> name filter, since <c>/Client</c> ignores plain <c>search</c>).</summary>
    public string? Search { get; init; }

    /// <summary>Include inactive clients.</summary>
    public bool IncludeInactive { get; init; }

    /// <summary>Only clients under this top level.</summary>
    public int? TopLevelId { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
