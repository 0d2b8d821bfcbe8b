using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A priority row of one SLA (HaloPSA's <c>Policy</c>); tickets carry <see cref="PriorityId"/>.</summary>
public sealed record HaloPriority
{
    /// <summary>The row's GUID (a string, unlike other ids).</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>HaloPSA's <c>slaid</c>.</summary>
    [JsonPropertyName("slaid")]
    public int SlaId { get; init; }

    /// <summary>The number tickets use as <c>priority_id</c>.</summary>
    [JsonPropertyName("priorityid")]
    public int PriorityId { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>responsetime</c>.</summary>
    [JsonPropertyName("responsetime")]
    public double ResponseTime { get; init; }

    /// <summary>HaloPSA's <c>responseunits</c>.</summary>
    [JsonPropertyName("responseunits")]
    public string? ResponseUnits { get; init; }

    /// <summary>HaloPSA's <c>fixtime</c>.</summary>
    [JsonPropertyName("fixtime")]
    public double FixTime { get; init; }

    /// <summary>HaloPSA's <c>fixunits</c>.</summary>
    [JsonPropertyName("fixunits")]
    public string? FixUnits { get; init; }

    /// <summary>HaloPSA's <c>ishidden</c>.</summary>
    [JsonPropertyName("ishidden")]
    public bool IsHidden { get; init; }

    /// <summary>HaloPSA's <c>colour</c>.</summary>
    [JsonPropertyName("colour")]
    public string? Colour { get; init; }
}
