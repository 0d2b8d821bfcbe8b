namespace HaloMcp.Grains.Billing;

/// <summary>A line of an invoice or recurring invoice.</summary>
/// <param name="Id">The line id.</param>
/// <param name="ItemCode">Item code.</param>
/// <param name="Description">What it bills.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="UnitPrice">Price per unit.</param>
/// <param name="NetAmount">Net amount.</param>
/// <param name="TaxAmount">Tax.</param>
/// <param name="IsRecurring">Whether it is a recurring charge.</param>
[GenerateSerializer, Immutable, Alias("halo.Billing.InvoiceLine")]
public sealed record InvoiceLine(
    int Id,
    string? ItemCode,
    string? Description,
    double Quantity,
    double UnitPrice,
    double NetAmount,
    double TaxAmount,
    bool IsRecurring);
