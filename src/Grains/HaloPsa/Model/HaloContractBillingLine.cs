using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A contract billing line / plan (HaloPSA's <c>ContractDetail</c>).</summary>
public sealed record HaloContractBillingLine
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>plan_id</c>.</summary>
    [JsonPropertyName("plan_id")]
    public int PlanId { get; init; }

    /// <summary>HaloPSA's <c>plan_name</c>.</summary>
    [JsonPropertyName("plan_name")]
    public string? PlanName { get; init; }

    /// <summary>HaloPSA's <c>billing_plan_desc</c>.</summary>
    [JsonPropertyName("billing_plan_desc")]
    public string? BillingPlanDescription { get; init; }

    /// <summary>HaloPSA's <c>chargerate_name</c>.</summary>
    [JsonPropertyName("chargerate_name")]
    public string? ChargeRateName { get; init; }

    /// <summary>HaloPSA's <c>requesttype_name</c>.</summary>
    [JsonPropertyName("requesttype_name")]
    public string? RequestTypeName { get; init; }

    /// <summary>HaloPSA's <c>multiplier</c>.</summary>
    [JsonPropertyName("multiplier")]
    public double Multiplier { get; init; }

    /// <summary>HaloPSA's <c>work_hours_covered</c>.</summary>
    [JsonPropertyName("work_hours_covered")]
    public double WorkHoursCovered { get; init; }

    /// <summary>HaloPSA's <c>category_1</c>.</summary>
    [JsonPropertyName("category_1")]
    public string? Category1 { get; init; }
}
