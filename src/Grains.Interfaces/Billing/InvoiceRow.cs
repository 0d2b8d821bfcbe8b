namespace HaloMcp.Grains.Billing;

/// <summary>An invoice in a list.</summary>
/// <param name="Id">The invoice id.</param>
/// <param name="InvoiceNumber">Its number.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="InvoiceDate">Invoice date (UTC).</param>
/// <param name="DueDate">Due date (UTC).</param>
/// <param name="Total">Total including tax.</param>
/// <param name="AmountDue">Still to pay.</param>
/// <param name="Paid">Whether it is paid in full.</param>
/// <param name="Posted">Whether it is posted.</param>
/// <param name="Voided">Whether it is void.</param>
/// <param name="RecurringInvoiceId">The recurring schedule that generated it, if any.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.InvoiceRow")]
public sealed record InvoiceRow(
    int Id,
    string? InvoiceNumber,
    int ClientId,
    string? ClientName,
    DateTimeOffset? InvoiceDate,
    DateTimeOffset? DueDate,
    double Total,
    double AmountDue,
    bool Paid,
    bool Posted,
    bool Voided,
    int? RecurringInvoiceId);
