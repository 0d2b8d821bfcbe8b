namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing sites (<c>GET /Site</c>).</summary>
public sealed record SiteQuery
{
    /// <summary>Only this client's sites.</summary>
    public int? ClientId { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>Include inactive sites.</summary>
    public bool IncludeInactive { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
