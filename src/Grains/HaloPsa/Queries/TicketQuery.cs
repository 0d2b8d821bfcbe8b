namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing tickets (<c>GET /Tickets</c>).</summary>
public sealed record TicketQuery
{
    /// <summary>Only this client's tickets.</summary>
    public int? ClientId { get; init; }

    /// <summary>Only this site's tickets.</summary>
    public int? SiteId { get; init; }

    /// <summary>Only tickets raised by this end-user.</summary>
    public int? UserId { get; init; }

    /// <summary>Only tickets assigned to this agent.</summary>
    public int? AgentId { get; init; }

    /// <summary>Only tickets of this team.</summary>
    public int? TeamId { get; init; }

    /// <summary>Only tickets in this status.</summary>
    public int? StatusId { get; init; }

    /// <summary>Only tickets with this priority (the ticket's <c>priority_id</c>).</summary>
    public int? PriorityId { get; init; }

    /// <summary>Only tickets of this type.</summary>
    public int? TicketTypeId { get; init; }

    /// <summary>Only open tickets.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Only closed tickets.</summary>
    public bool ClosedOnly { get; init; }

    /// <summary>Only tickets that concern this asset (HaloPSA's <c>asset_id</c>).</summary>
    public int? AssetId { get; init; }

    /// <summary>Free text matched against summary and details.</summary>
    public string? Search { get; init; }

    /// <summary>Logged on or after this instant.</summary>
    public DateTimeOffset? DateFrom { get; init; }

    /// <summary>Logged on or before this instant.</summary>
    public DateTimeOffset? DateTo { get; init; }

    /// <summary>The field HaloPSA sorts by (its <c>order</c> parameter), e.g. <c>id</c>; HaloPSA's default when null.</summary>
    public string? OrderBy { get; init; }

    /// <summary>Sort descending (HaloPSA's <c>orderdesc</c>).</summary>
    public bool OrderDescending { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
