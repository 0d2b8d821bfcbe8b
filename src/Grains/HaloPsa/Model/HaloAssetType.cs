using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An asset type (HaloPSA's <c>Xtype</c>).</summary>
public sealed record HaloAssetType
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>assetgroup_id</c>.</summary>
    [JsonPropertyName("assetgroup_id")]
    public int AssetGroupId { get; init; }

    /// <summary>HaloPSA's <c>assetgroup_name</c>.</summary>
    [JsonPropertyName("assetgroup_name")]
    public string? AssetGroupName { get; init; }

    /// <summary>HaloPSA's <c>keyfield_id</c>.</summary>
    [JsonPropertyName("keyfield_id")]
    public int KeyFieldId { get; init; }

    /// <summary>HaloPSA's <c>keyfield_name</c>.</summary>
    [JsonPropertyName("keyfield_name")]
    public string? KeyFieldName { get; init; }

    /// <summary>HaloPSA's <c>keyfield2_id</c>.</summary>
    [JsonPropertyName("keyfield2_id")]
    public int KeyField2Id { get; init; }

    /// <summary>HaloPSA's <c>keyfield2_name</c>.</summary>
    [JsonPropertyName("keyfield2_name")]
    public string? KeyField2Name { get; init; }

    /// <summary>HaloPSA's <c>keyfield3_id</c>.</summary>
    [JsonPropertyName("keyfield3_id")]
    public int KeyField3Id { get; init; }

    /// <summary>HaloPSA's <c>keyfield3_name</c>.</summary>
    [JsonPropertyName("keyfield3_name")]
    public string? KeyField3Name { get; init; }
}
