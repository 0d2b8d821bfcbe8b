using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An invoice or recurring-invoice template (HaloPSA's <c>InvoiceHeader</c>; both endpoints share it).</summary>
public sealed record HaloInvoice
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int ClientId { get; init; }

    /// <summary>HaloPSA's <c>client_name</c>.</summary>
    [JsonPropertyName("client_name")]
    public string? ClientName { get; init; }

    /// <summary>HaloPSA's <c>site_name</c>.</summary>
    [JsonPropertyName("site_name")]
    public string? SiteName { get; init; }

    /// <summary>HaloPSA's <c>invoicenumber</c>.</summary>
    [JsonPropertyName("invoicenumber")]
    public string? InvoiceNumber { get; init; }

    /// <summary>HaloPSA's <c>thirdpartyinvoicenumber</c>.</summary>
    [JsonPropertyName("thirdpartyinvoicenumber")]
    public string? ThirdPartyInvoiceNumber { get; init; }

    /// <summary>HaloPSA's <c>contract_id</c>.</summary>
    [JsonPropertyName("contract_id")]
    public int ContractId { get; init; }

    /// <summary>HaloPSA's <c>contract_ref</c>.</summary>
    [JsonPropertyName("contract_ref")]
    public string? ContractRef { get; init; }

    /// <summary>HaloPSA's <c>ticket_id</c>.</summary>
    [JsonPropertyName("ticket_id")]
    public int TicketId { get; init; }

    /// <summary>The recurring template this invoice was generated from; 0 for one-off invoices.</summary>
    [JsonPropertyName("recurring_invoice_id")]
    public int RecurringInvoiceId { get; init; }

    /// <summary>True on recurring templates.</summary>
    [JsonPropertyName("is_recurring_invoice")]
    public bool IsRecurringInvoice { get; init; }

    /// <summary>HaloPSA's <c>invoice_date</c>.</summary>
    [JsonPropertyName("invoice_date")]
    public DateTimeOffset? InvoiceDate { get; init; }

    /// <summary>HaloPSA's <c>duedate</c>.</summary>
    [JsonPropertyName("duedate")]
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>HaloPSA's <c>dateposted</c>.</summary>
    [JsonPropertyName("dateposted")]
    public DateTimeOffset? DatePosted { get; init; }

    /// <summary>HaloPSA's <c>datepaid</c>.</summary>
    [JsonPropertyName("datepaid")]
    public DateTimeOffset? DatePaid { get; init; }

    /// <summary>HaloPSA's <c>period_start_date</c>.</summary>
    [JsonPropertyName("period_start_date")]
    public DateTimeOffset? PeriodStartDate { get; init; }

    /// <summary>HaloPSA's <c>period_end_date</c>.</summary>
    [JsonPropertyName("period_end_date")]
    public DateTimeOffset? PeriodEndDate { get; init; }

    /// <summary>HaloPSA's <c>startdate</c>.</summary>
    [JsonPropertyName("startdate")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>HaloPSA's <c>enddate</c>.</summary>
    [JsonPropertyName("enddate")]
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>HaloPSA's <c>total</c>.</summary>
    [JsonPropertyName("total")]
    public double Total { get; init; }

    /// <summary>HaloPSA's <c>tax_total</c>.</summary>
    [JsonPropertyName("tax_total")]
    public double TaxTotal { get; init; }

    /// <summary>HaloPSA's <c>amountpaid</c>.</summary>
    [JsonPropertyName("amountpaid")]
    public double AmountPaid { get; init; }

    /// <summary>HaloPSA's <c>amountdue</c>.</summary>
    [JsonPropertyName("amountdue")]
    public double AmountDue { get; init; }

    /// <summary>HaloPSA's <c>currency_code</c>.</summary>
    [JsonPropertyName("currency_code")]
    public string? CurrencyCode { get; init; }

    /// <summary>HaloPSA's <c>paymentstatus</c>.</summary>
    [JsonPropertyName("paymentstatus")]
    public int PaymentStatus { get; init; }

    /// <summary>HaloPSA's <c>posted</c>.</summary>
    [JsonPropertyName("posted")]
    public bool Posted { get; init; }

    /// <summary>HaloPSA's <c>voided</c>.</summary>
    [JsonPropertyName("voided")]
    public bool Voided { get; init; }

    /// <summary>Recurring schedule period code (templates).</summary>
    [JsonPropertyName("period")]
    public int Period { get; init; }

    /// <summary>HaloPSA's <c>periodname</c>.</summary>
    [JsonPropertyName("periodname")]
    public string? PeriodName { get; init; }

    /// <summary>HaloPSA's <c>lastcreated</c>.</summary>
    [JsonPropertyName("lastcreated")]
    public DateTimeOffset? LastCreated { get; init; }

    /// <summary>HaloPSA's <c>nextcreationdate</c>.</summary>
    [JsonPropertyName("nextcreationdate")]
    public DateTimeOffset? NextCreationDate { get; init; }

    /// <summary>HaloPSA's recurring/non-recurring split; older instances omit it.</summary>
    [JsonPropertyName("invoice_totals")]
    public HaloInvoiceTotals? InvoiceTotals { get; init; }

    /// <summary>The lines, when asked for (<c>includelines</c> / <c>includedetails</c>).</summary>
    [JsonPropertyName("lines")]
    public List<HaloInvoiceLine>? Lines { get; init; }
}
