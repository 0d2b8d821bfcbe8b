namespace HaloMcp.Grains.Billing;

/// <summary>A recurring invoice schedule in a list.</summary>
/// <param name="Id">The schedule id.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="Period">How often it invoices.</param>
/// <param name="NextCreationDate">Next invoice (UTC).</param>
/// <param name="LastCreated">Last invoice (UTC).</param>
/// <param name="Total">Total per period, including tax.</param>
/// <param name="MonthlyTotal">Monthly run-rate.</param>
/// <param name="AnnualTotal">Annual run-rate.</param>
/// <param name="Active">Whether it still generates invoices.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.RecurringInvoiceRow")]
public sealed record RecurringInvoiceRow(
    int Id,
    int ClientId,
    string? ClientName,
    string? Period,
    DateTimeOffset? NextCreationDate,
    DateTimeOffset? LastCreated,
    double Total,
    double? MonthlyTotal,
    double? AnnualTotal,
    bool Active);
