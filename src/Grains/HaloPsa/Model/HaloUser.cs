using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An end-user contact at a client (HaloPSA's <c>Users</c>).</summary>
public sealed record HaloUser
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>firstname</c>.</summary>
    [JsonPropertyName("firstname")]
    public string? FirstName { get; init; }

    /// <summary>HaloPSA's <c>surname</c>.</summary>
    [JsonPropertyName("surname")]
    public string? Surname { get; init; }

    /// <summary>HaloPSA's <c>emailaddress</c>.</summary>
    [JsonPropertyName("emailaddress")]
    public string? EmailAddress { get; init; }

    /// <summary>HaloPSA's <c>phonenumber</c>.</summary>
    [JsonPropertyName("phonenumber")]
    public string? PhoneNumber { get; init; }

    /// <summary>HaloPSA's <c>mobilenumber</c>.</summary>
    [JsonPropertyName("mobilenumber")]
    public string? MobileNumber { get; init; }

    /// <summary>The site (HaloPSA types it as a double; read as an id).</summary>
    [JsonPropertyName("site_id")]
    public int SiteId { get; init; }

    /// <summary>HaloPSA's <c>site_name</c>.</summary>
    [JsonPropertyName("site_name")]
    public string? SiteName { get; init; }

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int ClientId { get; init; }

    /// <summary>HaloPSA's <c>client_name</c>.</summary>
    [JsonPropertyName("client_name")]
    public string? ClientName { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }

    /// <summary>HaloPSA's <c>isimportantcontact</c>.</summary>
    [JsonPropertyName("isimportantcontact")]
    public bool IsImportantContact { get; init; }

    /// <summary>HaloPSA's <c>title</c>.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>HaloPSA's <c>isserviceaccount</c>.</summary>
    [JsonPropertyName("isserviceaccount")]
    public bool IsServiceAccount { get; init; }

    /// <summary>HaloPSA's <c>linked_agent_id</c>.</summary>
    [JsonPropertyName("linked_agent_id")]
    public int LinkedAgentId { get; init; }
}
