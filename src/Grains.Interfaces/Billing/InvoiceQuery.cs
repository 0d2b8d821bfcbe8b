namespace HaloMcp.Grains.Billing;

/// <summary>Filters and paging for invoices.</summary>
/// <param name="ClientId">Only this client's invoices.</param>
/// <param name="DateFrom">Invoice date on or after.</param>
/// <param name="DateTo">Invoice date before.</param>
/// <param name="UnpaidOnly">Only invoices with an amount due.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.InvoiceQuery")]
public sealed record InvoiceQuery(
    int? ClientId,
    DateTimeOffset? DateFrom,
    DateTimeOffset? DateTo,
    bool UnpaidOnly,
    int Page,
    int PageSize);
