namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing saved reports (<c>GET /Report</c>).</summary>
public sealed record ReportQuery
{
    /// <summary>Name contains this text.</summary>
    public string? Search { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
