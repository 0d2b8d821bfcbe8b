using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An invoice line (HaloPSA's <c>InvoiceDetail</c>).</summary>
public sealed record HaloInvoiceLine
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>The invoice (header) id.</summary>
    [JsonPropertyName("ihid")]
    public int InvoiceId { get; init; }

    /// <summary>HaloPSA's <c>item_code</c>.</summary>
    [JsonPropertyName("item_code")]
    public string? ItemCode { get; init; }

    /// <summary>HaloPSA's <c>item_shortdescription</c>.</summary>
    [JsonPropertyName("item_shortdescription")]
    public string? ItemShortDescription { get; init; }

    /// <summary>HaloPSA's <c>item_longdescription</c>.</summary>
    [JsonPropertyName("item_longdescription")]
    public string? ItemLongDescription { get; init; }

    /// <summary>HaloPSA's <c>qty_order</c>.</summary>
    [JsonPropertyName("qty_order")]
    public double QuantityOrdered { get; init; }

    /// <summary>HaloPSA's <c>unit_price</c>.</summary>
    [JsonPropertyName("unit_price")]
    public double UnitPrice { get; init; }

    /// <summary>HaloPSA's <c>unit_cost</c>.</summary>
    [JsonPropertyName("unit_cost")]
    public double UnitCost { get; init; }

    /// <summary>HaloPSA's <c>net_amount</c>.</summary>
    [JsonPropertyName("net_amount")]
    public double NetAmount { get; init; }

    /// <summary>HaloPSA's <c>tax_amount</c>.</summary>
    [JsonPropertyName("tax_amount")]
    public double TaxAmount { get; init; }

    /// <summary>HaloPSA's <c>tax_rate</c>.</summary>
    [JsonPropertyName("tax_rate")]
    public double TaxRate { get; init; }

    /// <summary>HaloPSA's <c>total_price</c>.</summary>
    [JsonPropertyName("total_price")]
    public double? TotalPrice { get; init; }

    /// <summary>HaloPSA's <c>contract_id</c>.</summary>
    [JsonPropertyName("contract_id")]
    public int ContractId { get; init; }

    /// <summary>HaloPSA's <c>ticket_id</c>.</summary>
    [JsonPropertyName("ticket_id")]
    public int TicketId { get; init; }

    /// <summary>HaloPSA's <c>asset_id</c>.</summary>
    [JsonPropertyName("asset_id")]
    public int AssetId { get; init; }

    /// <summary>HaloPSA's <c>recurring_invoice_id</c>.</summary>
    [JsonPropertyName("recurring_invoice_id")]
    public int RecurringInvoiceId { get; init; }

    /// <summary>The recurring template line this came from; 0 for one-off lines.</summary>
    [JsonPropertyName("recurring_invoice_line_id")]
    public int RecurringInvoiceLineId { get; init; }

    /// <summary>HaloPSA's <c>onetimecharge</c>.</summary>
    [JsonPropertyName("onetimecharge")]
    public bool OneTimeCharge { get; init; }

    /// <summary>Whether the item recurs; older instances omit it.</summary>
    [JsonPropertyName("item_recurring")]
    public bool? ItemRecurring { get; init; }

    /// <summary>HaloPSA's <c>total_price_monthly</c>.</summary>
    [JsonPropertyName("total_price_monthly")]
    public double? TotalPriceMonthly { get; init; }

    /// <summary>HaloPSA's <c>total_price_annual</c>.</summary>
    [JsonPropertyName("total_price_annual")]
    public double? TotalPriceAnnual { get; init; }

    /// <summary>HaloPSA's <c>startdate</c>.</summary>
    [JsonPropertyName("startdate")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>HaloPSA's <c>enddate</c>.</summary>
    [JsonPropertyName("enddate")]
    public DateTimeOffset? EndDate { get; init; }
}
