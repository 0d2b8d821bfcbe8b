using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A ticket type (HaloPSA's <c>RequestType</c>).</summary>
public sealed record HaloTicketType
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>use</c>.</summary>
    [JsonPropertyName("use")]
    public int Use { get; init; }

    /// <summary>HaloPSA's <c>sequence</c>.</summary>
    [JsonPropertyName("sequence")]
    public int Sequence { get; init; }

    /// <summary>HaloPSA's <c>default_sla</c>.</summary>
    [JsonPropertyName("default_sla")]
    public int DefaultSla { get; init; }

    /// <summary>HaloPSA's <c>default_priority</c>.</summary>
    [JsonPropertyName("default_priority")]
    public int DefaultPriority { get; init; }

    /// <summary>The default team's name (HaloPSA sends a name here).</summary>
    [JsonPropertyName("default_team")]
    public string? DefaultTeam { get; init; }

    /// <summary>HaloPSA's <c>default_agent</c>.</summary>
    [JsonPropertyName("default_agent")]
    public int DefaultAgent { get; init; }

    /// <summary>HaloPSA's <c>group_id</c>.</summary>
    [JsonPropertyName("group_id")]
    public int GroupId { get; init; }

    /// <summary>HaloPSA's <c>group_name</c>.</summary>
    [JsonPropertyName("group_name")]
    public string? GroupName { get; init; }

    /// <summary>HaloPSA's <c>agentscanselect</c>.</summary>
    [JsonPropertyName("agentscanselect")]
    public bool AgentsCanSelect { get; init; }

    /// <summary>HaloPSA's <c>enduserscanselect</c>.</summary>
    [JsonPropertyName("enduserscanselect")]
    public bool EndUsersCanSelect { get; init; }

    /// <summary>HaloPSA's <c>visible</c>.</summary>
    [JsonPropertyName("visible")]
    public bool Visible { get; init; }
}
