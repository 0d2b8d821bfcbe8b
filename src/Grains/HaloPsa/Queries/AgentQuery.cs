namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing agents (<c>GET /Agent</c>, a bare array: no paging).</summary>
public sealed record AgentQuery
{
    /// <summary>Only members of this team.</summary>
    public int? TeamId { get; init; }

    /// <summary>Include disabled agents.</summary>
    public bool IncludeDisabled { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }
}
