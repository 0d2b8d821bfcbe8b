using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>A HaloPSA ticket (<c>Faults</c>) as <c>/Tickets</c> returns it.</summary>
public sealed record HaloTicket
{
    /// <summary>The ticket id.</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>summary</c>.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>HaloPSA's <c>details</c>.</summary>
    [JsonPropertyName("details")]
    public string? Details { get; init; }

    /// <summary>When the ticket was logged (HaloPSA's <c>dateoccurred</c>), UTC.</summary>
    [JsonPropertyName("dateoccurred")]
    public DateTimeOffset? DateOccurred { get; init; }

    /// <summary>HaloPSA's <c>datecreated</c>.</summary>
    [JsonPropertyName("datecreated")]
    public DateTimeOffset? DateCreated { get; init; }

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

    /// <summary>HaloPSA's <c>sla_id</c>.</summary>
    [JsonPropertyName("sla_id")]
    public int SlaId { get; init; }

    /// <summary>HaloPSA's <c>sla_name</c>.</summary>
    [JsonPropertyName("sla_name")]
    public string? SlaName { get; init; }

    /// <summary>The priority as tickets carry it (a priority's <c>priorityid</c>).</summary>
    [JsonPropertyName("priority_id")]
    public int PriorityId { get; init; }

    /// <summary>HaloPSA's <c>priority_name</c>.</summary>
    [JsonPropertyName("priority_name")]
    public string? PriorityName { get; init; }

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

    /// <summary>The end-user contact who raised it.</summary>
    [JsonPropertyName("user_id")]
    public int UserId { get; init; }

    /// <summary>HaloPSA's <c>user_name</c>.</summary>
    [JsonPropertyName("user_name")]
    public string? UserName { get; init; }

    /// <summary>The team's name (HaloPSA sends the name here).</summary>
    [JsonPropertyName("team")]
    public string? Team { get; init; }

    /// <summary>The team's id; older instances do not send it.</summary>
    [JsonPropertyName("team_id")]
    public int? TeamId { get; init; }

    /// <summary>The assigned agent; 0 when unassigned.</summary>
    [JsonPropertyName("agent_id")]
    public int AgentId { get; init; }

    /// <summary>HaloPSA's <c>agent_name</c>.</summary>
    [JsonPropertyName("agent_name")]
    public string? AgentName { get; init; }

    /// <summary>First category path, e.g. <c>Hardware&gt;Printer</c>.</summary>
    [JsonPropertyName("category_1")]
    public string? Category1 { get; init; }

    /// <summary>Hours logged against the ticket.</summary>
    [JsonPropertyName("timetaken")]
    public double TimeTaken { get; init; }

    /// <summary>Estimated hours.</summary>
    [JsonPropertyName("estimate")]
    public double? Estimate { get; init; }

    /// <summary>HaloPSA's <c>onhold</c>.</summary>
    [JsonPropertyName("onhold")]
    public bool OnHold { get; init; }

    /// <summary>HaloPSA's <c>flagged</c>.</summary>
    [JsonPropertyName("flagged")]
    public bool Flagged { get; init; }

    /// <summary>HaloPSA's <c>inactive</c>.</summary>
    [JsonPropertyName("inactive")]
    public bool Inactive { get; init; }

    /// <summary>HaloPSA's <c>respondbydate</c>.</summary>
    [JsonPropertyName("respondbydate")]
    public DateTimeOffset? RespondByDate { get; init; }

    /// <summary>HaloPSA's <c>fixbydate</c>.</summary>
    [JsonPropertyName("fixbydate")]
    public DateTimeOffset? FixByDate { get; init; }

    /// <summary>When it was closed; null while open.</summary>
    [JsonPropertyName("dateclosed")]
    public DateTimeOffset? DateClosed { get; init; }

    /// <summary>HaloPSA's <c>dateassigned</c>.</summary>
    [JsonPropertyName("dateassigned")]
    public DateTimeOffset? DateAssigned { get; init; }

    /// <summary>HaloPSA's <c>lastactiondate</c>.</summary>
    [JsonPropertyName("lastactiondate")]
    public DateTimeOffset? LastActionDate { get; init; }

    /// <summary>HaloPSA's <c>last_update</c>.</summary>
    [JsonPropertyName("last_update")]
    public DateTimeOffset? LastUpdate { get; init; }

    /// <summary>HaloPSA's <c>parent_id</c>.</summary>
    [JsonPropertyName("parent_id")]
    public int ParentId { get; init; }

    /// <summary>HaloPSA's <c>contract_id</c>.</summary>
    [JsonPropertyName("contract_id")]
    public int ContractId { get; init; }

    /// <summary>HaloPSA's <c>is_project</c>.</summary>
    [JsonPropertyName("is_project")]
    public bool IsProject { get; init; }
}
