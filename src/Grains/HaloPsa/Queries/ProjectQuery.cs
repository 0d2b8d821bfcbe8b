namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing projects (<c>GET /Projects</c>).</summary>
public sealed record ProjectQuery
{
    /// <summary>Only this client's projects.</summary>
    public int? ClientId { get; init; }

    /// <summary>Only open projects.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
