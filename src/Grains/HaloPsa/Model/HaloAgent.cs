using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A HaloPSA agent (technician, HaloPSA's <c>Uname</c>).</summary>
public sealed record HaloAgent
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

    /// <summary>HaloPSA's <c>email</c>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The agent's default team name.</summary>
    [JsonPropertyName("team")]
    public string? Team { get; init; }

    /// <summary>The agent's default team id, when sent.</summary>
    [JsonPropertyName("team_id")]
    public int? TeamId { get; init; }

    /// <summary>HaloPSA's <c>isdisabled</c>.</summary>
    [JsonPropertyName("isdisabled")]
    public bool IsDisabled { get; init; }

    /// <summary>HaloPSA's <c>initials</c>.</summary>
    [JsonPropertyName("initials")]
    public string? Initials { get; init; }

    /// <summary>HaloPSA's <c>jobtitle</c>.</summary>
    [JsonPropertyName("jobtitle")]
    public string? JobTitle { get; init; }

    /// <summary>HaloPSA's <c>isapiagent</c>.</summary>
    [JsonPropertyName("isapiagent")]
    public bool IsApiAgent { get; init; }
}
