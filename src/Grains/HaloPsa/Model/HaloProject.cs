using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A project (a ticket-family record served by <c>/Projects</c>).</summary>
public sealed record HaloProject
{
    /// <summary>HaloPSA's <c>id</c>.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>summary</c>.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>HaloPSA's <c>details</c>.</summary>
    [JsonPropertyName("details")]
    public string? Details { get; init; }

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

    /// <summary>HaloPSA's <c>status_id</c>.</summary>
    [JsonPropertyName("status_id")]
    public int StatusId { get; init; }

    /// <summary>HaloPSA's <c>status_name</c>.</summary>
    [JsonPropertyName("status_name")]
    public string? StatusName { get; init; }

    /// <summary>HaloPSA's <c>tickettype_id</c>.</summary>
    [JsonPropertyName("tickettype_id")]
    public int TicketTypeId { get; init; }

    /// <summary>HaloPSA's <c>tickettype_name</c>.</summary>
    [JsonPropertyName("tickettype_name")]
    public string? TicketTypeName { get; init; }

    /// <summary>HaloPSA's <c>agent_id</c>.</summary>
    [JsonPropertyName("agent_id")]
    public int AgentId { get; init; }

    /// <summary>HaloPSA's <c>agent_name</c>.</summary>
    [JsonPropertyName("agent_name")]
    public string? AgentName { get; init; }

    /// <summary>HaloPSA's <c>team</c>.</summary>
    [JsonPropertyName("team")]
    public string? Team { get; init; }

    /// <summary>HaloPSA's <c>team_id</c>.</summary>
    [JsonPropertyName("team_id")]
    public int? TeamId { get; init; }

    /// <summary>HaloPSA's <c>dateoccurred</c>.</summary>
    [JsonPropertyName("dateoccurred")]
    public DateTimeOffset? DateOccurred { get; init; }

    /// <summary>HaloPSA's <c>startdate</c>.</summary>
    [JsonPropertyName("startdate")]
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>HaloPSA's <c>targetdate</c>.</summary>
    [JsonPropertyName("targetdate")]
    public DateTimeOffset? TargetDate { get; init; }

    /// <summary>HaloPSA's <c>dateclosed</c>.</summary>
    [JsonPropertyName("dateclosed")]
    public DateTimeOffset? DateClosed { get; init; }

    /// <summary>HaloPSA's <c>parent_id</c>.</summary>
    [JsonPropertyName("parent_id")]
    public int ParentId { get; init; }

    /// <summary>Hours logged.</summary>
    [JsonPropertyName("timetaken")]
    public double TimeTaken { get; init; }

    /// <summary>Estimated hours.</summary>
    [JsonPropertyName("estimate")]
    public double? Estimate { get; init; }

    /// <summary>Project budget, when the instance sends one.</summary>
    [JsonPropertyName("budget")]
    public double? Budget { get; init; }
}
