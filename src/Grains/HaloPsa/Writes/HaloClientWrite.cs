using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Writes;

/// <summary>Fields of a client to create or update; null fields are not sent, so HaloPSA keeps their values.</summary>
public sealed record HaloClientWrite
{
    /// <summary>The client to update; null to create.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>website</c>.</summary>
    [JsonPropertyName("website")]
    public string? Website { get; init; }

    /// <summary>The main phone number.</summary>
    [JsonPropertyName("main_phonenumber")]
    public string? PhoneNumber { get; init; }

    /// <summary>HaloPSA's <c>notes</c>.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>HaloPSA's <c>toplevel_id</c>.</summary>
    [JsonPropertyName("toplevel_id")]
    public int? TopLevelId { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool? Inactive { get; init; }
}
