namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing client contracts (<c>GET /ClientContract</c>).</summary>
public sealed record ContractQuery
{
    /// <summary>Only this client's contracts.</summary>
    public int? ClientId { get; init; }

    /// <summary>Only this site's contracts.</summary>
    public int? SiteId { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>Include inactive (ended) contracts.</summary>
    public bool IncludeInactive { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
