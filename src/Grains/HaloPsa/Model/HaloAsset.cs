using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A configuration item / device (HaloPSA's <c>Device</c>).</summary>
public sealed record HaloAsset
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

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

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int ClientId { get; init; }

    /// <summary>HaloPSA's <c>client_name</c>.</summary>
    [JsonPropertyName("client_name")]
    public string? ClientName { get; init; }

    /// <summary>HaloPSA's <c>site_id</c>.</summary>
    [JsonPropertyName("site_id")]
    public int SiteId { get; init; }

    /// <summary>HaloPSA's <c>site_name</c>.</summary>
    [JsonPropertyName("site_name")]
    public string? SiteName { get; init; }

    /// <summary>The linked user's name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>HaloPSA's <c>assettype_id</c>.</summary>
    [JsonPropertyName("assettype_id")]
    public int AssetTypeId { get; init; }

    /// <summary>HaloPSA's <c>assettype_name</c>.</summary>
    [JsonPropertyName("assettype_name")]
    public string? AssetTypeName { get; init; }

    /// <summary>HaloPSA's <c>status_id</c>.</summary>
    [JsonPropertyName("status_id")]
    public int StatusId { get; init; }

    /// <summary>HaloPSA's <c>status_name</c>.</summary>
    [JsonPropertyName("status_name")]
    public string? StatusName { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }

    /// <summary>HaloPSA's <c>contract_id</c>.</summary>
    [JsonPropertyName("contract_id")]
    public int ContractId { get; init; }

    /// <summary>HaloPSA's <c>contract_ref</c>.</summary>
    [JsonPropertyName("contract_ref")]
    public string? ContractRef { get; init; }

    /// <summary>HaloPSA's <c>supplier_id</c>.</summary>
    [JsonPropertyName("supplier_id")]
    public int SupplierId { get; init; }

    /// <summary>HaloPSA's <c>warranty_end</c>.</summary>
    [JsonPropertyName("warranty_end")]
    public DateTimeOffset? WarrantyEnd { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>The asset type's fields and their values.</summary>
    [JsonPropertyName("fields")]
    public List<HaloAssetField>? Fields { get; init; }
}
