namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing recurring invoice templates (<c>GET /RecurringInvoice</c>).</summary>
public sealed record RecurringInvoiceQuery
{
    /// <summary>Only this client's templates.</summary>
    public int? ClientId { get; init; }

    /// <summary>Include each template's lines (default true: the lines carry the recurring amounts).</summary>
    public bool IncludeLines { get; init; } = true;

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
