using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A client contract (HaloPSA's <c>ContractHeader</c>); billing lines only on a get by id.</summary>
public sealed record HaloContract
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

    /// <summary>The contract reference.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    /// <summary>HaloPSA's <c>refextra</c>.</summary>
    [JsonPropertyName("refextra")]
    public string? RefExtra { get; init; }

    /// <summary>HaloPSA's <c>start_date</c>.</summary>
    [JsonPropertyName("start_date")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>HaloPSA's <c>end_date</c>.</summary>
    [JsonPropertyName("end_date")]
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>HaloPSA's <c>started</c>.</summary>
    [JsonPropertyName("started")]
    public bool Started { get; init; }

    /// <summary>HaloPSA's <c>expired</c>.</summary>
    [JsonPropertyName("expired")]
    public bool Expired { get; init; }

    /// <summary>HaloPSA's <c>active</c>.</summary>
    [JsonPropertyName("active")]
    public bool Active { get; init; }

    /// <summary>HaloPSA's billing period code.</summary>
    [JsonPropertyName("billingperiod")]
    public int BillingPeriod { get; init; }

    /// <summary>HaloPSA's <c>billing_period_string</c>.</summary>
    [JsonPropertyName("billing_period_string")]
    public string? BillingPeriodString { get; init; }

    /// <summary>HaloPSA's <c>site_id</c>.</summary>
    [JsonPropertyName("site_id")]
    public int SiteId { get; init; }

    /// <summary>HaloPSA's <c>site_name</c>.</summary>
    [JsonPropertyName("site_name")]
    public string? SiteName { get; init; }

    /// <summary>HaloPSA's <c>periodicinvoicenextdate</c>.</summary>
    [JsonPropertyName("periodicinvoicenextdate")]
    public DateTimeOffset? PeriodicInvoiceNextDate { get; init; }

    /// <summary>HaloPSA's <c>next_invoice_date</c>.</summary>
    [JsonPropertyName("next_invoice_date")]
    public DateTimeOffset? NextInvoiceDate { get; init; }

    /// <summary>The amount charged each billing period.</summary>
    [JsonPropertyName("periodchargeamount")]
    public double PeriodChargeAmount { get; init; }

    /// <summary>HaloPSA's <c>contract_status</c>.</summary>
    [JsonPropertyName("contract_status")]
    public string? ContractStatus { get; init; }

    /// <summary>HaloPSA's <c>contracttype_name</c>.</summary>
    [JsonPropertyName("contracttype_name")]
    public string? ContractTypeName { get; init; }

    /// <summary>HaloPSA's <c>chargehoursperperiod</c>.</summary>
    [JsonPropertyName("chargehoursperperiod")]
    public double ChargeHoursPerPeriod { get; init; }

    /// <summary>HaloPSA's <c>costperperiod</c>.</summary>
    [JsonPropertyName("costperperiod")]
    public double CostPerPeriod { get; init; }

    /// <summary>The recurring prepay charge amount (HaloPSA's <c>prepayrecurringcharge</c>).</summary>
    [JsonPropertyName("prepayrecurringcharge")]
    public double PrepayRecurringCharge { get; init; }

    /// <summary>HaloPSA's <c>last_modified</c>.</summary>
    [JsonPropertyName("last_modified")]
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>The billing lines (HaloPSA's <c>ContractDetail</c>); on a get by id.</summary>
    [JsonPropertyName("billingplans")]
    public List<HaloContractBillingLine>? BillingPlans { get; init; }
}
