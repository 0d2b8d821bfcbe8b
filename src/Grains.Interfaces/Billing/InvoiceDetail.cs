namespace HaloMcp.Grains.Billing;

/// <summary>One invoice with its lines.</summary>
/// <param name="Id">The invoice id.</param>
/// <param name="InvoiceNumber">Its number.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="InvoiceDate">Invoice date (UTC).</param>
/// <param name="DueDate">Due date (UTC).</param>
/// <param name="Total">Total including tax.</param>
/// <param name="TaxTotal">Tax.</param>
/// <param name="AmountPaid">Paid so far.</param>
/// <param name="AmountDue">Still to pay.</param>
/// <param name="Posted">Whether it is posted.</param>
/// <param name="Voided">Whether it is void.</param>
/// <param name="RecurringInvoiceId">The recurring schedule that generated it, if any.</param>
/// <param name="RecurringTotal">Recurring part of the total, when HaloPSA splits it.</param>
/// <param name="NonRecurringTotal">One-off part, when HaloPSA splits it.</param>
/// <param name="Lines">Its lines.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.InvoiceDetail")]
public sealed record InvoiceDetail(
    int Id,
    string? InvoiceNumber,
    int ClientId,
    string? ClientName,
    DateTimeOffset? InvoiceDate,
    DateTimeOffset? DueDate,
    double Total,
    double TaxTotal,
    double AmountPaid,
    double AmountDue,
    bool Posted,
    bool Voided,
    int? RecurringInvoiceId,
    double? RecurringTotal,
    double? NonRecurringTotal,
    IReadOnlyList<InvoiceLine> Lines);
