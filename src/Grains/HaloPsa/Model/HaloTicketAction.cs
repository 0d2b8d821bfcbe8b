using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Model;

/// <summary>An action (note, email, time entry) on a ticket, HaloPSA's <c>Actions</c>.</summary>
public sealed record HaloTicketAction
{
    /// <summary>The action id (unique within its ticket).</summary>
    [JsonPropertyName("id")]
    public int Id { get; init; }

    /// <summary>HaloPSA's <c>ticket_id</c>.</summary>
    [JsonPropertyName("ticket_id")]
    public int TicketId { get; init; }

    /// <summary>The outcome (action type) name, e.g. <c>Private Note</c>.</summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    /// <summary>HaloPSA's <c>outcome_id</c>.</summary>
    [JsonPropertyName("outcome_id")]
    public int OutcomeId { get; init; }

    /// <summary>Who performed it (display name).</summary>
    [JsonPropertyName("who")]
    public string? Who { get; init; }

    /// <summary>HaloPSA's <c>who_type</c>.</summary>
    [JsonPropertyName("who_type")]
    public int WhoType { get; init; }

    /// <summary>HaloPSA's <c>who_agentid</c>.</summary>
    [JsonPropertyName("who_agentid")]
    public int WhoAgentId { get; init; }

    /// <summary>When it happened, UTC.</summary>
    [JsonPropertyName("datetime")]
    public DateTimeOffset? DateTime { get; init; }

    /// <summary>HaloPSA's <c>note</c>.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>HaloPSA's <c>note_html</c>.</summary>
    [JsonPropertyName("note_html")]
    public string? NoteHtml { get; init; }

    /// <summary>Hours spent (HaloPSA stores hours).</summary>
    [JsonPropertyName("timetaken")]
    public double TimeTaken { get; init; }

    /// <summary>Non-billable hours.</summary>
    [JsonPropertyName("nonbilltime")]
    public double NonBillTime { get; init; }

    /// <summary>HaloPSA's <c>hiddenfromuser</c>.</summary>
    [JsonPropertyName("hiddenfromuser")]
    public bool HiddenFromUser { get; init; }

    /// <summary>HaloPSA's <c>important</c>.</summary>
    [JsonPropertyName("important")]
    public bool Important { get; init; }

    /// <summary>The status the action moved the ticket to; 0 when unchanged.</summary>
    [JsonPropertyName("new_status")]
    public int NewStatus { get; init; }

    /// <summary>HaloPSA's <c>new_status_name</c>.</summary>
    [JsonPropertyName("new_status_name")]
    public string? NewStatusName { get; init; }

    /// <summary>HaloPSA's <c>actionchargehours</c>.</summary>
    [JsonPropertyName("actionchargehours")]
    public double ActionChargeHours { get; init; }

    /// <summary>HaloPSA's <c>actionchargeamount</c>.</summary>
    [JsonPropertyName("actionchargeamount")]
    public double ActionChargeAmount { get; init; }

    /// <summary>HaloPSA's <c>actisbillable</c>.</summary>
    [JsonPropertyName("actisbillable")]
    public bool IsBillable { get; init; }
}
