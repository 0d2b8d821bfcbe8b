using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A saved report (HaloPSA's <c>AnalyzerProfile</c>).</summary>
public sealed record HaloReport
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>group_id</c>.</summary>
    [JsonPropertyName("group_id")]
    public int GroupId { get; init; }

    /// <summary>HaloPSA's <c>group_name</c>.</summary>
    [JsonPropertyName("group_name")]
    public string? GroupName { get; init; }

    /// <summary>HaloPSA's <c>description</c>.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>HaloPSA's <c>type</c>.</summary>
    [JsonPropertyName("type")]
    public int Type { get; init; }

    /// <summary>HaloPSA's <c>mainentity</c>.</summary>
    [JsonPropertyName("mainentity")]
    public string? MainEntity { get; init; }
}
