namespace HaloMcp.Grains.Billing;

/// <summary>Recurring against one-off revenue per client, with the method used.</summary>
/// <param name="DateFrom">Period start (UTC, inclusive).</param>
/// <param name="DateTo">Period end (UTC, exclusive).</param>
/// <param name="Clients">Per client, largest total first.</param>
/// <param name="RecurringTotal">All clients' recurring revenue.</param>
/// <param name="NonRecurringTotal">All clients' one-off revenue.</param>
/// <param name="Total">Both.</param>
/// <param name="RecurringShare">Recurring share of the total, 0 to 1.</param>
/// <param name="InvoicesExamined">Invoices read.</param>
/// <param name="VoidedExcluded">Voided invoices left out.</param>
/// <param name="SplitFromTotals">Invoices split with HaloPSA's <c>invoice_totals</c>.</param>
/// <param name="SplitFromLines">Invoices split by classifying their lines.</param>
/// <param name="Method">How the split was made, in words.</param>
/// <param name="FromCache">Whether it was served from the tenant's cache of breakdowns rather than computed now.</param>
/// <param name="AgeSeconds">How many seconds ago its invoices were read from HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RevenueBreakdown")]
public sealed record RevenueBreakdown(
    DateTimeOffset DateFrom,
    DateTimeOffset DateTo,
    IReadOnlyList<ClientRevenue> Clients,
    double RecurringTotal,
    double NonRecurringTotal,
    double Total,
    double RecurringShare,
    int InvoicesExamined,
    int VoidedExcluded,
    int SplitFromTotals,
    int SplitFromLines,
    string Method,
    bool? FromCache = null,
    int? AgeSeconds = null);
