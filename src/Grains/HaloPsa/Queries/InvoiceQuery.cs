namespace HaloMcp.Grains.HaloPsa.Queries;

/// <summary>Filters for listing invoices (<c>GET /Invoice</c>).</summary>
public sealed record InvoiceQuery
{
    /// <summary>Only this client's invoices.</summary>
    public int? ClientId { get; init; }

    /// <summary>Invoice date on or after this instant.</summary>
    public DateTimeOffset? DateFrom { get; init; }

    /// <summary>Invoice date on or before this instant.</summary>
    public DateTimeOffset? DateTo { get; init; }

    /// <summary>Only these HaloPSA payment statuses.</summary>
    public IReadOnlyList<int>? PaymentStatuses { get; init; }

    /// <summary>Only posted invoices.</summary>
    public bool PostedOnly { get; init; }

    /// <summary>Only invoices generated from this recurring template.</summary>
    public int? RecurringInvoiceId { get; init; }

    /// <summary>Include each invoice's lines.</summary>
    public bool IncludeLines { get; init; }

    /// <summary>Free text.</summary>
    public string? Search { get; init; }

    /// <summary>The 1-based page.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Rows per page; clamped to 1..100 (HaloPSA caps pages at 100).</summary>
    public int PageSize { get; init; } = 25;
}
