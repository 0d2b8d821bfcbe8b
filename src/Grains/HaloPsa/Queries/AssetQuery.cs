namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing assets (<c>GET /Asset</c>).</summary>
public sealed record AssetQuery
{
    /// <summary>Only this client's assets.</summary>
    public int? ClientId { get; init; }

    /// <summary>Only this site's assets.</summary>
    public int? SiteId { get; init; }

    /// <summary>Only assets of this type.</summary>
    public int? AssetTypeId { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>Include inactive assets.</summary>
    public bool IncludeInactive { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
