using System.Text.Json.Serialization;
using HaloMcp.Grains.HaloPsa.Model;

namespace HaloMcp.Grains.HaloPsa.Webhooks;

/// <summary>
/// One occurrence of a HaloPSA webhook as it is posted (halopsa-api §11.2): the event, its time, and the records it
/// carries: the ticket and the action as HaloPSA's GET answers them, or the changed record under its kind's key.
/// Fields HaloMcp does not use are not read.
/// </summary>
public sealed record HaloWebhookEnvelope
{
    /// <summary>The occurrence's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The event's name, e.g. <c>Action Added</c>, <c>Ticket Deleted</c>.</summary>
    [JsonPropertyName("event")]
    public string? Event { get; init; }

    /// <summary>The kind of record the event concerns, e.g. <c>ticket</c>, <c>action</c>, <c>client</c>.</summary>
    [JsonPropertyName("event_type")]
    public string? EventType { get; init; }

    /// <summary>When the change happened (HaloPSA's clock, UTC).</summary>
    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>The changed record's id.</summary>
    [JsonPropertyName("entity_id")]
    public int EntityId { get; init; }

    /// <summary>The ticket, on ticket and action events.</summary>
    [JsonPropertyName("ticket_id")]
    public int TicketId { get; init; }

    /// <summary>The ticket after the change (as it was, for a deletion).</summary>
    [JsonPropertyName("ticket")]
    public HaloTicket? Ticket { get; init; }

    /// <summary>The action, on action events.</summary>
    [JsonPropertyName("action")]
    public HaloTicketAction? Action { get; init; }

    /// <summary>The client, on client events.</summary>
    [JsonPropertyName("client")]
    public HaloClient? Client { get; init; }

    /// <summary>The site, on site events.</summary>
    [JsonPropertyName("site")]
    public HaloSite? Site { get; init; }

    /// <summary>The invoice, on invoice events.</summary>
    [JsonPropertyName("invoice")]
    public HaloInvoice? Invoice { get; init; }

    /// <summary>The recurring invoice, on recurring invoice events.</summary>
    [JsonPropertyName("recurring_invoice")]
    public HaloInvoice? RecurringInvoice { get; init; }
}
