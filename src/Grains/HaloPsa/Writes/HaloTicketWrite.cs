using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Writes;

/// <summary>Fields of a ticket to create or update; null fields are not sent, so an update changes only what is set.</summary>
public sealed record HaloTicketWrite
{
    /// <summary>The ticket to update; null to create.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>HaloPSA's <c>summary</c>.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>HaloPSA's <c>details</c>.</summary>
    [JsonPropertyName("details")]
    public string? Details { get; init; }

    /// <summary>HaloPSA's <c>client_id</c>.</summary>
    [JsonPropertyName("client_id")]
    public int? ClientId { get; init; }

    /// <summary>HaloPSA's <c>site_id</c>.</summary>
    [JsonPropertyName("site_id")]
    public int? SiteId { get; init; }

    /// <summary>HaloPSA's <c>user_id</c>.</summary>
    [JsonPropertyName("user_id")]
    public int? UserId { get; init; }

    /// <summary>HaloPSA's <c>tickettype_id</c>.</summary>
    [JsonPropertyName("tickettype_id")]
    public int? TicketTypeId { get; init; }

    /// <summary>HaloPSA's <c>priority_id</c>.</summary>
    [JsonPropertyName("priority_id")]
    public int? PriorityId { get; init; }

    /// <summary>HaloPSA's <c>status_id</c>.</summary>
    [JsonPropertyName("status_id")]
    public int? StatusId { get; init; }

    /// <summary>The team id (newer HaloPSA).</summary>
    [JsonPropertyName("team_id")]
    public int? TeamId { get; init; }

    /// <summary>The team name (what older HaloPSA reads).</summary>
    [JsonPropertyName("team")]
    public string? Team { get; init; }

    /// <summary>HaloPSA's <c>agent_id</c>.</summary>
    [JsonPropertyName("agent_id")]
    public int? AgentId { get; init; }

    /// <summary>HaloPSA's <c>category_1</c>.</summary>
    [JsonPropertyName("category_1")]
    public string? Category1 { get; init; }
}
