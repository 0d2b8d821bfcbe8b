using System.Text.Json.Serialization;

namespace HaloMcp.Grains.HaloPsa.Writes;

/// <summary>An action (note / time entry) to add to a ticket. HaloPSA requires an outcome (name or id).</summary>
public sealed record HaloActionWrite
{
    /// <summary>The ticket the action belongs to.</summary>
    [JsonPropertyName("ticket_id")]
    public int TicketId { get; init; }

    /// <summary>The outcome name, e.g. <c>Private Note</c>; this or <see cref="OutcomeId"/> is required.</summary>
    [JsonPropertyName("outcome")]
    public string? Outcome { get; init; }

    /// <summary>The outcome id; this or <see cref="Outcome"/> is required.</summary>
    [JsonPropertyName("outcome_id")]
    public int? OutcomeId { get; init; }

    /// <summary>HaloPSA's <c>note</c>.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>HaloPSA's <c>note_html</c>.</summary>
    [JsonPropertyName("note_html")]
    public string? NoteHtml { get; init; }

    /// <summary>Hours spent (HaloPSA's unit); convert minutes with <c>minutes / 60.0</c>.</summary>
    [JsonPropertyName("timetaken")]
    public double? TimeTaken { get; init; }

    /// <summary>HaloPSA's <c>hiddenfromuser</c>.</summary>
    [JsonPropertyName("hiddenfromuser")]
    public bool? HiddenFromUser { get; init; }

    /// <summary>Status to move the ticket to.</summary>
    [JsonPropertyName("new_status")]
    public int? NewStatus { get; init; }

    /// <summary>HaloPSA's <c>sendemail</c>.</summary>
    [JsonPropertyName("sendemail")]
    public bool? SendEmail { get; init; }
}
