namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing actions (<c>GET /Actions</c>).</summary>
public sealed record ActionQuery
{
    /// <summary>The ticket whose actions to list (HaloPSA effectively requires it).</summary>
    public int? TicketId { get; init; }

    /// <summary>Actions on or after this instant.</summary>
    public DateTimeOffset? DateFrom { get; init; }

    /// <summary>Actions on or before this instant.</summary>
    public DateTimeOffset? DateTo { get; init; }

    /// <summary>Only actions by agents.</summary>
    public bool AgentOnly { get; init; }

    /// <summary>Leave out system-generated actions.</summary>
    public bool ExcludeSystem { get; init; }

    /// <summary>Only actions that logged time.</summary>
    public bool TimeEntriesOnly { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
