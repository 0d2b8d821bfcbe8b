using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>HaloPSA's <c>invoice_totals</c>: totals with the recurring / non-recurring split.</summary>
public sealed record HaloInvoiceTotals
{
    /// <summary>HaloPSA's <c>total</c>.</summary>
    [JsonPropertyName("total")]
    public double? Total { get; init; }

    /// <summary>HaloPSA's <c>subTotal</c>.</summary>
    [JsonPropertyName("subTotal")]
    public double? SubTotal { get; init; }

    /// <summary>HaloPSA's <c>taxTotal</c>.</summary>
    [JsonPropertyName("taxTotal")]
    public double? TaxTotal { get; init; }

    /// <summary>HaloPSA's <c>amountPaid</c>.</summary>
    [JsonPropertyName("amountPaid")]
    public double? AmountPaid { get; init; }

    /// <summary>HaloPSA's <c>amountDue</c>.</summary>
    [JsonPropertyName("amountDue")]
    public double? AmountDue { get; init; }

    /// <summary>HaloPSA's <c>recurringTotal</c>.</summary>
    [JsonPropertyName("recurringTotal")]
    public double? RecurringTotal { get; init; }

    /// <summary>HaloPSA's <c>recurringSubTotal</c>.</summary>
    [JsonPropertyName("recurringSubTotal")]
    public double? RecurringSubTotal { get; init; }

    /// <summary>HaloPSA's <c>nonRecurringTotal</c>.</summary>
    [JsonPropertyName("nonRecurringTotal")]
    public double? NonRecurringTotal { get; init; }

    /// <summary>HaloPSA's <c>nonRecurringSubTotal</c>.</summary>
    [JsonPropertyName("nonRecurringSubTotal")]
    public double? NonRecurringSubTotal { get; init; }

    /// <summary>HaloPSA's <c>recurringMonthlyTotal</c>.</summary>
    [JsonPropertyName("recurringMonthlyTotal")]
    public double? RecurringMonthlyTotal { get; init; }

    /// <summary>HaloPSA's <c>recurringAnnualTotal</c>.</summary>
    [JsonPropertyName("recurringAnnualTotal")]
    public double? RecurringAnnualTotal { get; init; }

    /// <summary>HaloPSA's <c>recurringWeeklyTotal</c>.</summary>
    [JsonPropertyName("recurringWeeklyTotal")]
    public double? RecurringWeeklyTotal { get; init; }

    /// <summary>HaloPSA's <c>recurringQuarterlyTotal</c>.</summary>
    [JsonPropertyName("recurringQuarterlyTotal")]
    public double? RecurringQuarterlyTotal { get; init; }

    /// <summary>HaloPSA's <c>cost</c>.</summary>
    [JsonPropertyName("cost")]
    public double? Cost { get; init; }

    /// <summary>HaloPSA's <c>profit</c>.</summary>
    [JsonPropertyName("profit")]
    public double? Profit { get; init; }

    /// <summary>HaloPSA's <c>discount</c>.</summary>
    [JsonPropertyName("discount")]
    public double? Discount { get; init; }
}
