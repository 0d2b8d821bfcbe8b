namespace HaloMcp.Grains.Billing;

/// <summary>Filters and paging for recurring invoice schedules.</summary>
/// <param name="ClientId">Only this client's schedules.</param>
/// <param name="ActiveOnly">Only schedules that still generate invoices.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RecurringInvoiceQuery")]
public sealed record RecurringInvoiceQuery(
    int? ClientId,
    bool ActiveOnly,
    int Page,
    int PageSize);
