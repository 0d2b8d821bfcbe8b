namespace HaloMcp.Grains.Billing;

/// <summary>One recurring invoice schedule with its lines.</summary>
/// <param name="Id">The schedule id.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="Period">How often it invoices.</param>
/// <param name="StartDate">Start (UTC).</param>
/// <param name="NextCreationDate">Next invoice (UTC).</param>
/// <param name="LastCreated">Last invoice (UTC).</param>
/// <param name="Total">Total per period, including tax.</param>
/// <param name="MonthlyTotal">Monthly run-rate.</param>
/// <param name="AnnualTotal">Annual run-rate.</param>
/// <param name="Active">Whether it still generates invoices.</param>
/// <param name="Lines">Its lines.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RecurringInvoiceDetail")]
public sealed record RecurringInvoiceDetail(
    int Id,
    int ClientId,
    string? ClientName,
    string? Period,
    DateTimeOffset? StartDate,
    DateTimeOffset? NextCreationDate,
    DateTimeOffset? LastCreated,
    double Total,
    double? MonthlyTotal,
    double? AnnualTotal,
    bool Active,
    IReadOnlyList<InvoiceLine> Lines);
