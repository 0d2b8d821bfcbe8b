using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>One field value on an asset.</summary>
public sealed record HaloAssetField
{
    /// <summary>The field id (from the asset type).</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The value as text (HaloPSA sends strings, numbers or booleans).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; init; }
}
