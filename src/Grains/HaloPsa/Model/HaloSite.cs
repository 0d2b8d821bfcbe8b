using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A client's site (HaloPSA's <c>Site</c>).</summary>
public sealed record HaloSite
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int ClientId { get; init; }

    /// <summary>HaloPSA's <c>client_name</c>.</summary>
    [JsonPropertyName("client_name")]
    public string? ClientName { get; init; }

    /// <summary>HaloPSA's <c>clientsite_name</c>.</summary>
    [JsonPropertyName("clientsite_name")]
    public string? ClientSiteName { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }

    /// <summary>HaloPSA's <c>sla_id</c>.</summary>
    [JsonPropertyName("sla_id")]
    public int SlaId { get; init; }

    /// <summary>HaloPSA's <c>phonenumber</c>.</summary>
    [JsonPropertyName("phonenumber")]
    public string? PhoneNumber { get; init; }

    /// <summary>HaloPSA's <c>timezone</c>.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>HaloPSA's <c>maincontact_id</c>.</summary>
    [JsonPropertyName("maincontact_id")]
    public int MainContactId { get; init; }

    /// <summary>HaloPSA's <c>maincontact_name</c>.</summary>
    [JsonPropertyName("maincontact_name")]
    public string? MainContactName { get; init; }

    /// <summary>HaloPSA's <c>delivery_address_line1</c>.</summary>
    [JsonPropertyName("delivery_address_line1")]
    public string? DeliveryAddressLine1 { get; init; }

    /// <summary>HaloPSA's <c>delivery_address_line2</c>.</summary>
    [JsonPropertyName("delivery_address_line2")]
    public string? DeliveryAddressLine2 { get; init; }

    /// <summary>HaloPSA's <c>delivery_address_line3</c>.</summary>
    [JsonPropertyName("delivery_address_line3")]
    public string? DeliveryAddressLine3 { get; init; }

    /// <summary>HaloPSA's <c>delivery_address_line4</c>.</summary>
    [JsonPropertyName("delivery_address_line4")]
    public string? DeliveryAddressLine4 { get; init; }

    /// <summary>HaloPSA's <c>delivery_address_line5</c>.</summary>
    [JsonPropertyName("delivery_address_line5")]
    public string? DeliveryAddressLine5 { get; init; }
}
