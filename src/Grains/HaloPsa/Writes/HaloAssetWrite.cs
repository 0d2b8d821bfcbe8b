using System.Text.Json.Serialization;
using HaloMcp.Grains.HaloPsa.Model;

namespace HaloMcp.Grains.HaloPsa.Writes;

/// <summary>Fields of an asset to create or update; null fields are not sent.</summary>
public sealed record HaloAssetWrite
{
    /// <summary>The asset to update; null to create.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int? ClientId { get; init; }

    /// <summary>HaloPSA's <c>site_id</c>.</summary>
    [JsonPropertyName("site_id")]
    public int? SiteId { get; init; }

    /// <summary>HaloPSA's <c>assettype_id</c>.</summary>
    [JsonPropertyName("assettype_id")]
    public int? AssetTypeId { get; init; }

    /// <summary>HaloPSA's <c>inventory_number</c>.</summary>
    [JsonPropertyName("inventory_number")]
    public string? InventoryNumber { get; init; }

    /// <summary>HaloPSA's <c>key_field</c>.</summary>
    [JsonPropertyName("key_field")]
    public string? KeyField { get; init; }

    /// <summary>HaloPSA's <c>key_field2</c>.</summary>
    [JsonPropertyName("key_field2")]
    public string? KeyField2 { get; init; }

    /// <summary>HaloPSA's <c>key_field3</c>.</summary>
    [JsonPropertyName("key_field3")]
    public string? KeyField3 { get; init; }

    /// <summary>HaloPSA's <c>status_id</c>.</summary>
    [JsonPropertyName("status_id")]
    public int? StatusId { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Field values by field id.</summary>
    [JsonPropertyName("fields")]
    public List<HaloAssetField>? Fields { get; init; }
}
