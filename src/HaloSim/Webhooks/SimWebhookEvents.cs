namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// The events the simulator fires and which ones a change fires. Tickets and actions have HaloPSA's own events
/// (halopsa-api §11.2 names "New Ticket Logged" and "Ticket Reassigned"); every other kind fires
/// "{Kind} Created / Updated / Deleted", so every change is announced.
/// </summary>
internal static class SimWebhookEvents
{
    public static readonly SimWebhookEvent TicketLogged = new(1, "New Ticket Logged", "ticket", "ticket");
    public static readonly SimWebhookEvent TicketUpdated = new(2, "Ticket Updated", "ticket", "ticket");
    public static readonly SimWebhookEvent TicketReassigned = new(3, "Ticket Reassigned", "ticket", "ticket");
    public static readonly SimWebhookEvent TicketStatusChanged = new(4, "Ticket Status Changed", "ticket", "ticket");
    public static readonly SimWebhookEvent TicketClosed = new(5, "Ticket Closed", "ticket", "ticket");
    public static readonly SimWebhookEvent TicketDeleted = new(6, "Ticket Deleted", "ticket", "ticket");
    public static readonly SimWebhookEvent ActionAdded = new(7, "Action Added", "action", "action");
    public static readonly SimWebhookEvent ActionUpdated = new(8, "Action Updated", "action", "action");
    public static readonly SimWebhookEvent ActionDeleted = new(9, "Action Deleted", "action", "action");

    private static readonly (SimEntityKind Kind, string Label, string Key)[] OtherKinds =
    [
        (SimEntityKind.Client, "Client", "client"), (SimEntityKind.Site, "Site", "site"), (SimEntityKind.User, "User", "user"),
        (SimEntityKind.Asset, "Asset", "asset"), (SimEntityKind.Contract, "Contract", "contract"), (SimEntityKind.Invoice, "Invoice", "invoice"),
        (SimEntityKind.RecurringInvoice, "Recurring Invoice", "recurring_invoice"), (SimEntityKind.Agent, "Agent", "agent"),
        (SimEntityKind.Team, "Team", "team"), (SimEntityKind.Status, "Status", "status"), (SimEntityKind.TicketType, "Ticket Type", "ticket_type"),
        (SimEntityKind.Priority, "Priority", "priority"), (SimEntityKind.Outcome, "Outcome", "outcome"),
        (SimEntityKind.AssetType, "Asset Type", "asset_type"), (SimEntityKind.Report, "Report", "report"),
    ];

    // Client 10-12, Site 13-15, ... in the order above: Created, Updated, Deleted.
    private static readonly Dictionary<SimEntityKind, SimWebhookEvent[]> ByKind = OtherKinds
        .Select((k, i) => (k.Kind, Events: new[]
        {
            new SimWebhookEvent(10 + (3 * i), $"{k.Label} Created", k.Key, k.Key),
            new SimWebhookEvent(11 + (3 * i), $"{k.Label} Updated", k.Key, k.Key),
            new SimWebhookEvent(12 + (3 * i), $"{k.Label} Deleted", k.Key, k.Key),
        }))
        .ToDictionary(k => k.Kind, k => k.Events);

    public static IReadOnlyList<SimWebhookEvent> All { get; } =
        [TicketLogged, TicketUpdated, TicketReassigned, TicketStatusChanged, TicketClosed, TicketDeleted, ActionAdded, ActionUpdated, ActionDeleted,
            .. ByKind.Values.SelectMany(e => e)];

    /// <summary>An event by number or by name (case-insensitive), or null.</summary>
    public static SimWebhookEvent? Find(string spec) =>
        int.TryParse(spec, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? All.FirstOrDefault(e => e.EventNo == number)
            : All.FirstOrDefault(e => string.Equals(e.Name, spec.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The events one change fires, most general first. A ticket update fires "Ticket Updated" and, where it applies,
    /// "Ticket Reassigned", "Ticket Status Changed" and "Ticket Closed"; a new action fires "Action Added" and the
    /// status events when its <c>new_status</c> moved the ticket.
    /// </summary>
    public static IReadOnlyList<SimWebhookEvent> For(SimChange change)
    {
        switch (change.Kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                return change.Type switch
                {
                    SimChangeType.Created => [TicketLogged],
                    SimChangeType.Deleted => [TicketDeleted],
                    _ => [TicketUpdated, .. Moves(change.Before, change.Record, reassignment: true)],
                };
            case SimEntityKind.Action:
                return change.Type switch
                {
                    SimChangeType.Created => [ActionAdded, .. Moves(change.TicketBefore, change.Ticket, reassignment: false)],
                    SimChangeType.Deleted => [ActionDeleted],
                    _ => [ActionUpdated, .. Moves(change.TicketBefore, change.Ticket, reassignment: false)],
                };
            default:
                var events = ByKind[change.Kind];
                return [change.Type switch { SimChangeType.Created => events[0], SimChangeType.Updated => events[1], _ => events[2] }];
        }
    }

    private static IEnumerable<SimWebhookEvent> Moves(System.Text.Json.Nodes.JsonObject? before, System.Text.Json.Nodes.JsonObject? after, bool reassignment)
    {
        if (before is null || after is null)
        {
            yield break;
        }

        if (reassignment && JsonFields.Int(before, "agent_id") != JsonFields.Int(after, "agent_id"))
        {
            yield return TicketReassigned;
        }

        var from = JsonFields.Int(before, "status_id");
        var to = JsonFields.Int(after, "status_id");
        if (from != to)
        {
            yield return TicketStatusChanged;
            if (to is 8 or 9 && from is not (8 or 9))
            {
                yield return TicketClosed;
            }
        }
    }
}
