using System.Text.Json;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Webhooks;

/// <summary>One event of one change, as one profile will send it.</summary>
internal sealed record WebhookOccurrence(string Id, SimWebhookEvent Event, SimChange Change, DateTimeOffset At)
{
    /// <summary>The id of the record the event is about (for an action: the action).</summary>
    public int EntityId => Change.Id;

    /// <summary>
    /// Writes the occurrence: its ids, event and time, then the ticket object and, for action events, the action object,
    /// as the instance's GET by id answers them at the moment of the change; other kinds carry their own record.
    /// </summary>
    public void WriteTo(Utf8JsonWriter w, string deliveryId, WebhookProfile profile)
    {
        w.WriteStartObject();
        w.WriteString("id", Id);
        w.WriteString("delivery_id", deliveryId);
        w.WriteString("webhook_id", profile.Id);
        w.WriteString("webhook_name", profile.Options.Name);
        w.WriteNumber("eventno", Event.EventNo);
        w.WriteString("event", Event.Name);
        w.WriteString("event_type", Event.Type);
        w.WriteString("timestamp", HaloDates.Format(At.UtcDateTime));
        w.WriteNumber("entity_id", EntityId);
        switch (Change.Kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                w.WriteNumber("ticket_id", EntityId);
                Write(w, "ticket", Change.Record);
                break;
            case SimEntityKind.Action:
                w.WriteNumber("ticket_id", JsonFields.Int(Change.Record, "ticket_id"));
                Write(w, "ticket", Change.Ticket);
                Write(w, "action", Change.Record);
                break;
            default:
                Write(w, Event.PayloadKey, Change.Record);
                break;
        }

        w.WriteEndObject();
    }

    private static void Write(Utf8JsonWriter w, string key, JsonObject? record)
    {
        if (record is not null)
        {
            w.WritePropertyName(key);
            record.WriteTo(w);
        }
    }
}
