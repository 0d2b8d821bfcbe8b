using System.Text.Json;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.HaloPsa.Webhooks;

/// <summary>
/// Reads a HaloPSA webhook delivery (halopsa-api §11.2): one occurrence object, or, from a batching profile, an array
/// of them. HaloPSA documents the payload only as "the ticket object and the action object where applicable"; this
/// follows what the simulator sends (the records as GET answers them, under <c>ticket</c>, <c>action</c> or the
/// kind's own key, with <c>event</c> and <c>event_type</c>), and tells kinds apart by <c>event_type</c> or, without
/// one, by the records present. A delivery is read whole before anything is applied: one unreadable occurrence makes
/// it malformed.
/// </summary>
public static class HaloWebhookReader
{
    private static readonly Dictionary<string, ReferenceKind> ReferenceTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["status"] = ReferenceKind.Statuses, ["ticket_type"] = ReferenceKind.TicketTypes, ["tickettype"] = ReferenceKind.TicketTypes,
        ["priority"] = ReferenceKind.Priorities, ["team"] = ReferenceKind.Teams, ["agent"] = ReferenceKind.Agents,
        ["outcome"] = ReferenceKind.Outcomes, ["asset_type"] = ReferenceKind.AssetTypes, ["assettype"] = ReferenceKind.AssetTypes,
    };

    /// <summary>Every occurrence of <paramref name="body"/>, in delivery order.</summary>
    /// <exception cref="HaloWebhookFormatException">The body is not a webhook delivery HaloMcp can read.</exception>
    public static IReadOnlyList<HaloWebhookOccurrence> Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            throw new HaloWebhookFormatException("The body is not JSON.");
        }

        using (document)
        {
            var root = document.RootElement;
            IReadOnlyList<JsonElement> elements = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => [.. root.EnumerateArray()],
                _ => throw new HaloWebhookFormatException("The body is neither an occurrence object nor an array of them."),
            };
            if (elements.Count == 0)
            {
                throw new HaloWebhookFormatException("The batch holds no occurrences.");
            }

            return [.. elements.Select((e, i) => ReadOne(e, elements.Count == 1 && root.ValueKind == JsonValueKind.Object ? "The occurrence" : $"Occurrence {i + 1}"))];
        }
    }

    private static HaloWebhookOccurrence ReadOne(JsonElement element, string label)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new HaloWebhookFormatException($"{label} is not an object.");
        }

        HaloWebhookEnvelope envelope;
        try
        {
            envelope = element.Deserialize(HaloJsonContext.Default.HaloWebhookEnvelope)!;
        }
        catch (JsonException ex)
        {
            throw new HaloWebhookFormatException($"{label} cannot be read: {ex.Message}");
        }

        var deleted = envelope.Event?.TrimEnd().EndsWith("Deleted", StringComparison.OrdinalIgnoreCase) == true;
        var type = envelope.EventType?.Trim();
        var occurrence = Classify(type, envelope, deleted)
            ?? throw new HaloWebhookFormatException($"{label} names no event_type and carries no record HaloPSA sends (ticket, action, client, ...).");
        Validate(occurrence, label);
        return occurrence;
    }

    private static HaloWebhookOccurrence? Classify(string? type, HaloWebhookEnvelope e, bool deleted)
    {
        if (!string.IsNullOrEmpty(type))
        {
            return type.ToLowerInvariant() switch
            {
                "ticket" or "project" or "opportunity" => new(HaloWebhookKind.Ticket, deleted, e),
                "action" => new(HaloWebhookKind.Action, deleted, e),
                "client" => new(HaloWebhookKind.Client, deleted, e),
                "site" => new(HaloWebhookKind.Site, deleted, e),
                "user" => new(HaloWebhookKind.User, deleted, e),
                "asset" => new(HaloWebhookKind.Asset, deleted, e),
                "invoice" or "recurring_invoice" or "recurringinvoice" => new(HaloWebhookKind.Invoice, deleted, e),
                _ when ReferenceTypes.TryGetValue(type, out var kind) => new(HaloWebhookKind.Reference, deleted, e, kind),
                _ => new(HaloWebhookKind.Other, deleted, e),
            };
        }

        return e switch
        {
            { Action: not null } => new(HaloWebhookKind.Action, deleted, e),
            { Ticket: not null } => new(HaloWebhookKind.Ticket, deleted, e),
            { Client: not null } => new(HaloWebhookKind.Client, deleted, e),
            { Site: not null } => new(HaloWebhookKind.Site, deleted, e),
            { Invoice: not null } or { RecurringInvoice: not null } => new(HaloWebhookKind.Invoice, deleted, e),
            _ when e.Event is { Length: > 0 } => new(HaloWebhookKind.Other, deleted, e),
            _ => null,
        };
    }

    private static void Validate(HaloWebhookOccurrence o, string label)
    {
        var e = o.Envelope;
        switch (o.Kind)
        {
            case HaloWebhookKind.Ticket when e.Ticket is not { Id: > 0 } && !(o.Deleted && e.EntityId > 0):
                throw new HaloWebhookFormatException($"{label} is a ticket event without the ticket (an object with its id).");
            case HaloWebhookKind.Action when e.Action is not { Id: > 0 } && !(o.Deleted && e.EntityId > 0):
                throw new HaloWebhookFormatException($"{label} is an action event without the action (an object with its id).");
            case HaloWebhookKind.Action when o.TicketId <= 0:
                throw new HaloWebhookFormatException($"{label} is an action event that names no ticket.");
            case HaloWebhookKind.Client when e.Client is not { Id: > 0 } && !(o.Deleted && e.EntityId > 0):
                throw new HaloWebhookFormatException($"{label} is a client event without the client (an object with its id).");
            case HaloWebhookKind.Site when e.Site is not { ClientId: > 0 }:
                throw new HaloWebhookFormatException($"{label} is a site event without the site's client_id.");
            case HaloWebhookKind.Ticket when e.Ticket is { Id: > 0 } ticket && e.EntityId > 0 && e.EntityId != ticket.Id:
                throw new HaloWebhookFormatException($"{label} names ticket {e.EntityId} but carries ticket {ticket.Id}.");
        }
    }
}
