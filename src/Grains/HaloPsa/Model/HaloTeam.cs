using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A team of agents (HaloPSA's <c>SectionDetail</c>).</summary>
public sealed record HaloTeam
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>name</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>HaloPSA's <c>sequence</c>.</summary>
    [JsonPropertyName("sequence")]
    public int Sequence { get; init; }

    /// <summary>HaloPSA's <c>forrequests</c>.</summary>
    [JsonPropertyName("forrequests")]
    public bool ForRequests { get; init; }

    /// <summary>HaloPSA's <c>foropps</c>.</summary>
    [JsonPropertyName("foropps")]
    public bool ForOpps { get; init; }

    /// <summary>HaloPSA's <c>forprojects</c>.</summary>
    [JsonPropertyName("forprojects")]
    public bool ForProjects { get; init; }

    /// <summary>HaloPSA's <c>ticket_count</c>.</summary>
    [JsonPropertyName("ticket_count")]
    public int TicketCount { get; init; }

    /// <summary>HaloPSA's <c>department_id</c>.</summary>
    [JsonPropertyName("department_id")]
    public int DepartmentId { get; init; }

    /// <summary>HaloPSA's <c>department_name</c>.</summary>
    [JsonPropertyName("department_name")]
    public string? DepartmentName { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }
}
