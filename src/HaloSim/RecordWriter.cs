using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// HaloPSA's POST upsert (halopsa-api §5): each array element without an id (or id 0) creates a record, an element
/// with an id updates only the fields it carries. Every element is validated before any is applied, so a rejected
/// batch changes nothing. An id that does not exist is refused with 404 rather than creating a record under a
/// caller-chosen id: the sources never show create-with-id, and a silent create would hide a client's mistake.
/// Called under the dataset's lock. With <paramref name="recordChanges"/>, every applied element is also captured as a
/// <see cref="SimChange"/> (copies, so webhooks can send them later).
/// </summary>
internal sealed class RecordWriter(SimTables t, DateTime now, SimActor actor, bool recordChanges = false)
{
    public const string OutcomeRequired = "An Outcome must be entered for this Action";

    private static readonly string[] ProtectedFields = ["id"];

    public WriteOutcome Upsert(EntityRoute route, JsonArray items)
    {
        var plans = new List<(JsonObject Element, JsonObject? Existing)>();
        foreach (var node in items)
        {
            if (node is not JsonObject element)
            {
                return WriteOutcome.Fail(400, "Each element of the request body must be a JSON object");
            }

            var id = route.Kind == SimEntityKind.Priority ? 0 : (int)(JsonFields.Number(element["id"]) ?? 0);
            JsonObject? existing = null;
            if (id > 0)
            {
                existing = t.FindAddressable(route.Kind, id);
                if (existing is null)
                {
                    return WriteOutcome.Fail(404, $"{route.Label} {id} not found");
                }
            }

            var error = Validate(route.Kind, element, existing);
            if (error is not null)
            {
                return WriteOutcome.Fail(400, error);
            }

            plans.Add((element, existing));
        }

        var saved = new List<JsonObject>();
        var changes = new List<SimChange>();
        foreach (var (element, existing) in plans)
        {
            var before = recordChanges && existing is not null ? RecordRendering.Snapshot(existing) : null;
            JsonObject? ticketBefore = null;
            if (recordChanges && route.Kind == SimEntityKind.Action && TicketOf(element, existing) is { } parent)
            {
                ticketBefore = RecordRendering.Snapshot(parent);
            }

            var record = existing is null ? Create(route.Kind, element) : Update(route.Kind, existing, element);
            saved.Add(record);
            if (recordChanges)
            {
                changes.Add(new SimChange(route.Kind, existing is null ? SimChangeType.Created : SimChangeType.Updated, RecordRendering.Snapshot(record), before,
                    route.Kind == SimEntityKind.Action && TicketOf(record, null) is { } ticket ? RecordRendering.Snapshot(ticket) : null, ticketBefore));
            }
        }

        return new WriteOutcome(saved) { Changes = changes };
    }

    private JsonObject? TicketOf(JsonObject action, JsonObject? existing)
    {
        var ticketId = (int)(JsonFields.Number(action["ticket_id"]) ?? (existing is null ? 0 : JsonFields.Int(existing, "ticket_id")));
        return t.Find(SimEntityKind.Ticket, ticketId) ?? t.Find(SimEntityKind.Project, ticketId);
    }

    public WriteOutcome Delete(EntityRoute route, int id, int? ticketId)
    {
        var record = t.Find(route.Kind, id);
        if (record is null || (route.Kind == SimEntityKind.Action && JsonFields.Int(record, "ticket_id") != ticketId))
        {
            return WriteOutcome.Fail(404, $"{route.Label} {id} not found");
        }

        var ticket = route.Kind == SimEntityKind.Action ? TicketOf(record, null) : null;
        var ticketBefore = recordChanges && ticket is not null ? RecordRendering.Snapshot(ticket) : null;
        t.Remove(route.Kind, id);
        if (ticket is not null)
        {
            ticket["timetaken"] = Math.Round(JsonFields.Double(ticket, "timetaken") - JsonFields.Double(record, "timetaken"), 2);
        }

        return new WriteOutcome([record])
        {
            Changes = recordChanges
                ? [new SimChange(route.Kind, SimChangeType.Deleted, RecordRendering.Snapshot(record), null, ticket is null ? null : RecordRendering.Snapshot(ticket), ticketBefore)]
                : [],
        };
    }

    // --- validation -----------------------------------------------------------------------------------------

    private string? Validate(SimEntityKind kind, JsonObject e, JsonObject? existing)
    {
        var creating = existing is null;
        switch (kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                if (creating && string.IsNullOrWhiteSpace(JsonFields.String(e, "summary")))
                {
                    return "Please enter a Summary";
                }

                if (creating && !e.ContainsKey("client_id"))
                {
                    return "Please select a Customer (client_id)";
                }

                return RefError(e, "client_id", SimEntityKind.Client, "Customer", allowZero: false)
                    ?? RefError(e, "site_id", SimEntityKind.Site, "Site")
                    ?? RefError(e, "user_id", SimEntityKind.User, "User")
                    ?? RefError(e, "agent_id", SimEntityKind.Agent, "Agent")
                    ?? RefError(e, "team_id", SimEntityKind.Team, "Team")
                    ?? RefError(e, "status_id", SimEntityKind.Status, "Status")
                    ?? RefError(e, "tickettype_id", SimEntityKind.TicketType, "Ticket Type")
                    ?? PriorityError(e);
            case SimEntityKind.Action:
            {
                var ticketId = (int)(JsonFields.Number(e["ticket_id"]) ?? 0);
                if (!creating && ticketId == 0)
                {
                    return "ticket_id is required when updating an Action";
                }

                if (!creating && ticketId != JsonFields.Int(existing!, "ticket_id"))
                {
                    return $"Action {JsonFields.Int(existing!, "id")} does not belong to ticket {ticketId}";
                }

                if (creating)
                {
                    if (t.Find(SimEntityKind.Ticket, ticketId) is null && t.Find(SimEntityKind.Project, ticketId) is null)
                    {
                        return ticketId == 0 ? "Please specify the ticket_id of the Action" : $"Ticket {ticketId} does not exist";
                    }

                    var hasOutcome = !string.IsNullOrWhiteSpace(JsonFields.String(e, "outcome")) || (JsonFields.Number(e["outcome_id"]) ?? 0) > 0;
                    if (!hasOutcome)
                    {
                        return OutcomeRequired;
                    }
                }

                if (e.ContainsKey("outcome_id") || e.ContainsKey("outcome"))
                {
                    if (ResolveOutcome(e) is null && (creating || e.ContainsKey("outcome_id") || !string.IsNullOrWhiteSpace(JsonFields.String(e, "outcome"))))
                    {
                        return creating ? OutcomeRequired : "The Outcome does not exist";
                    }
                }

                return RefError(e, "new_status", SimEntityKind.Status, "Status");
            }

            case SimEntityKind.Client:
                return creating && string.IsNullOrWhiteSpace(JsonFields.String(e, "name")) ? "Please enter a name for the Customer" : null;
            case SimEntityKind.Site:
                if (creating && string.IsNullOrWhiteSpace(JsonFields.String(e, "name")))
                {
                    return "Please enter a name for the Site";
                }

                return creating && !e.ContainsKey("client_id") ? "Please select a Customer (client_id)" : RefError(e, "client_id", SimEntityKind.Client, "Customer", allowZero: false);
            case SimEntityKind.User:
                if (creating && string.IsNullOrWhiteSpace(JsonFields.String(e, "name")))
                {
                    return "Please enter a name for the User";
                }

                if (creating && !e.ContainsKey("site_id"))
                {
                    return "Please select a Site (site_id)";
                }

                return RefError(e, "site_id", SimEntityKind.Site, "Site", allowZero: false);
            case SimEntityKind.Asset:
                if (creating && !e.ContainsKey("client_id") && !e.ContainsKey("site_id"))
                {
                    return "Please select a Customer (client_id)";
                }

                if (creating && !e.ContainsKey("assettype_id"))
                {
                    return "Please select an Asset Type (assettype_id)";
                }

                return RefError(e, "client_id", SimEntityKind.Client, "Customer")
                    ?? RefError(e, "site_id", SimEntityKind.Site, "Site")
                    ?? RefError(e, "assettype_id", SimEntityKind.AssetType, "Asset Type", allowZero: false);
            case SimEntityKind.Contract or SimEntityKind.Invoice or SimEntityKind.RecurringInvoice:
                if (creating && !e.ContainsKey("client_id"))
                {
                    return "Please select a Customer (client_id)";
                }

                return RefError(e, "client_id", SimEntityKind.Client, "Customer", allowZero: false);
            default:
                return null;
        }
    }

    private string? RefError(JsonObject e, string field, SimEntityKind kind, string label, bool allowZero = true)
    {
        if (!e.ContainsKey(field))
        {
            return null;
        }

        var id = (int)(JsonFields.Number(e[field]) ?? 0);
        if (id == 0 && allowZero)
        {
            return null;
        }

        return t.Find(kind, id) is null ? $"{label} {id} does not exist" : null;
    }

    private string? PriorityError(JsonObject e)
    {
        if (!e.ContainsKey("priority_id"))
        {
            return null;
        }

        var id = (int)(JsonFields.Number(e["priority_id"]) ?? 0);
        return id == 0 || t[SimEntityKind.Priority].Values.Any(p => JsonFields.Int(p, "priorityid") == id) ? null : $"Priority {id} does not exist";
    }

    private JsonObject? ResolveOutcome(JsonObject e)
    {
        var id = (int)(JsonFields.Number(e["outcome_id"]) ?? 0);
        if (id > 0)
        {
            return t.Find(SimEntityKind.Outcome, id);
        }

        var name = JsonFields.String(e, "outcome");
        return string.IsNullOrWhiteSpace(name)
            ? null
            : t[SimEntityKind.Outcome].Values.FirstOrDefault(o => string.Equals(JsonFields.String(o, "outcome"), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    // --- apply ----------------------------------------------------------------------------------------------

    private JsonObject Create(SimEntityKind kind, JsonObject e)
    {
        var record = Blank(kind);
        Defaults(kind, record);
        Merge(record, e);
        if (kind == SimEntityKind.Action && actor.Signed)
        {
            // A signed-in agent's note is theirs: HaloPSA takes the author from the session, not from the body.
            Attribute(record);
        }

        if (kind == SimEntityKind.Priority)
        {
            var key = t[kind].Count == 0 ? 1 : t[kind].Keys.Max() + 1;
            record["id"] = System.Guid.NewGuid().ToString();
            t.AddKeyed(kind, key, record);
        }
        else
        {
            t.Add(kind, record);
        }

        AfterWrite(kind, record, e, previousTime: 0, creating: true);
        return record;
    }

    private JsonObject Update(SimEntityKind kind, JsonObject record, JsonObject e)
    {
        var previousTime = JsonFields.Double(record, "timetaken");
        Merge(record, e);
        AfterWrite(kind, record, e, previousTime, creating: false);
        return record;
    }

    private static void Merge(JsonObject record, JsonObject e)
    {
        foreach (var (key, value) in e)
        {
            if (ProtectedFields.Contains(key) || key.StartsWith('_'))
            {
                continue;
            }

            record[key] = value?.DeepClone();
        }
    }

    /// <summary>
    /// A new record as wide as the seeded ones: the shape of an existing record of the kind with every value reset
    /// (strings empty, dates unset, numbers 0, flags false, arrays empty).
    /// </summary>
    private JsonObject Blank(SimEntityKind kind)
    {
        var shape = t[kind].Values.FirstOrDefault();
        return shape is null ? [] : (JsonObject)Reset(shape)!;
    }

    private static JsonNode? Reset(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Reset(p.Value)))),
        JsonArray => new JsonArray(),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String =>
            HaloDates.Parse(JsonFields.String(v)) is not null ? JsonValue.Create(HaloDates.Unset) : JsonValue.Create(""),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => JsonValue.Create(0),
        JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => JsonValue.Create(false),
        _ => null,
    };

    private void Defaults(SimEntityKind kind, JsonObject r)
    {
        var stamp = HaloDates.Format(now);
        switch (kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                r["status_id"] = 1;
                r["tickettype_id"] = kind == SimEntityKind.Project ? 5 : 1;
                r["priority_id"] = 3;
                r["dateoccurred"] = stamp;
                r["datecreated"] = stamp;
                r["lastactiondate"] = stamp;
                r["timetaken"] = 0.0;
                r["toplevel_id"] = 1;
                r["toplevel_name"] = "Customers";
                r["is_project"] = kind == SimEntityKind.Project;
                r["guid"] = System.Guid.NewGuid().ToString();
                break;
            case SimEntityKind.Action:
                r["datetime"] = stamp;
                r["actiondatecreated"] = stamp;
                Attribute(r);
                break;
            case SimEntityKind.Client:
                r["toplevel_id"] = 1;
                r["toplevel_name"] = "Customers";
                r["date_created"] = stamp;
                r["taxable"] = true;
                break;
            case SimEntityKind.Asset:
                r["status_id"] = 1;
                r["status_name"] = "Active";
                r["datecreated"] = stamp;
                break;
            case SimEntityKind.Invoice:
                r["invoice_date"] = stamp;
                r["date_created"] = stamp;
                break;
            case SimEntityKind.RecurringInvoice:
                r["is_recurring_invoice"] = true;
                r["date_created"] = stamp;
                break;
            case SimEntityKind.Contract:
                r["active"] = true;
                r["contract_status"] = "Active";
                break;
            default:
                break;
        }
    }

    private void Attribute(JsonObject action)
    {
        action["who"] = NameOf(SimEntityKind.Agent, actor.AgentId);
        action["who_type"] = 1;
        action["who_agentid"] = actor.AgentId;
        action["actionby_agent_id"] = actor.AgentId;
    }

    private void AfterWrite(SimEntityKind kind, JsonObject r, JsonObject e, double previousTime, bool creating)
    {
        var stamp = HaloDates.Format(now);
        switch (kind)
        {
            case SimEntityKind.Ticket or SimEntityKind.Project:
                FillTicketNames(r, e, stamp);
                break;
            case SimEntityKind.Action:
                AfterAction(r, e, previousTime, creating, stamp);
                break;
            case SimEntityKind.Site:
                if (t.Find(SimEntityKind.Client, JsonFields.Int(r, "client_id")) is { } siteClient)
                {
                    r["client_name"] = JsonFields.String(siteClient, "name");
                }

                break;
            case SimEntityKind.User:
                if (t.Find(SimEntityKind.Site, JsonFields.Int(r, "site_id")) is { } site)
                {
                    r["site_id_int"] = JsonFields.Int(site, "id");
                    r["site_name"] = JsonFields.String(site, "name");
                    r["client_id"] = JsonFields.Int(site, "client_id");
                    r["client_name"] = JsonFields.String(site, "client_name");
                }

                break;
            case SimEntityKind.Asset:
                FillAssetNames(r);
                break;
            case SimEntityKind.Contract or SimEntityKind.Invoice or SimEntityKind.RecurringInvoice:
                if (t.Find(SimEntityKind.Client, JsonFields.Int(r, "client_id")) is { } client)
                {
                    r["client_name"] = JsonFields.String(client, "name");
                }

                if (kind != SimEntityKind.Contract && e.ContainsKey("lines"))
                {
                    var id = JsonFields.Int(r, "id");
                    foreach (var line in r["lines"]?.AsArray().OfType<JsonObject>() ?? [])
                    {
                        if (JsonFields.Int(line, "id") == 0)
                        {
                            line["id"] = t.NextId("invoicedetail");
                        }

                        line["ihid"] = id;
                        var net = JsonFields.Double(line, "net_amount");
                        if (net == 0)
                        {
                            net = Math.Round(JsonFields.Double(line, "qty_order") * JsonFields.Double(line, "unit_price"), 2);
                            line["net_amount"] = net;
                        }
                    }

                    DatasetGenerator.Totals(r, JsonFields.Int(r, "period_type"), includeTotals: true);
                }

                break;
            default:
                break;
        }

        if (r.ContainsKey("last_modified"))
        {
            r["last_modified"] = stamp;
        }
    }

    private void FillTicketNames(JsonObject r, JsonObject e, string stamp)
    {
        if (t.Find(SimEntityKind.Client, JsonFields.Int(r, "client_id")) is { } client)
        {
            r["client_name"] = JsonFields.String(client, "name");
            if (JsonFields.Int(r, "site_id") == 0)
            {
                r["site_id"] = JsonFields.Int(client, "main_site_id");
            }

            if (!e.ContainsKey("sla_id") && JsonFields.Int(r, "sla_id") == 0)
            {
                r["sla_id"] = JsonFields.Int(client, "sla_id");
            }
        }

        r["site_name"] = NameOf(SimEntityKind.Site, JsonFields.Int(r, "site_id"));
        r["user_name"] = NameOf(SimEntityKind.User, JsonFields.Int(r, "user_id"));
        r["agent_name"] = NameOf(SimEntityKind.Agent, JsonFields.Int(r, "agent_id"));
        r["status_name"] = NameOf(SimEntityKind.Status, JsonFields.Int(r, "status_id"));
        r["tickettype_name"] = NameOf(SimEntityKind.TicketType, JsonFields.Int(r, "tickettype_id"));
        if (!e.ContainsKey("team_id") && e.ContainsKey("team"))
        {
            var byName = t[SimEntityKind.Team].Values.FirstOrDefault(x => string.Equals(JsonFields.String(x, "name"), JsonFields.String(e, "team"), StringComparison.OrdinalIgnoreCase));
            r["team_id"] = byName is null ? 0 : JsonFields.Int(byName, "id");
        }

        r["team"] = NameOf(SimEntityKind.Team, JsonFields.Int(r, "team_id"));
        var sla = JsonFields.Int(r, "sla_id");
        r["sla_name"] = sla == 2 ? "Premium SLA" : "Standard SLA";
        var priority = t[SimEntityKind.Priority].Values.FirstOrDefault(p => JsonFields.Int(p, "priorityid") == JsonFields.Int(r, "priority_id") && JsonFields.Int(p, "slaid") == (sla == 0 ? 1 : sla));
        r["priority_name"] = priority is null ? "" : JsonFields.String(priority, "name");
        r["priority"] = new JsonObject
        {
            ["priorityid"] = JsonFields.Int(r, "priority_id"),
            ["name"] = JsonFields.String(r, "priority_name"),
            ["responsetime"] = priority is null ? 0.0 : JsonFields.Double(priority, "responsetime"),
        };
        SetClosedDate(r, stamp);
        r["last_update"] = stamp;
    }

    private static void SetClosedDate(JsonObject ticket, string stamp)
    {
        var closed = JsonFields.Int(ticket, "status_id") is 8 or 9;
        var hasDate = JsonFields.Date(ticket, "dateclosed") is not null;
        if (closed && !hasDate)
        {
            ticket["dateclosed"] = stamp;
        }
        else if (!closed && hasDate)
        {
            ticket["dateclosed"] = HaloDates.Unset;
        }
    }

    private void AfterAction(JsonObject r, JsonObject e, double previousTime, bool creating, string stamp)
    {
        if (ResolveOutcome(e) is { } outcome)
        {
            r["outcome"] = JsonFields.String(outcome, "outcome");
            r["outcome_id"] = JsonFields.Int(outcome, "id");
            r["action_systemid"] = JsonFields.Int(outcome, "systemid");
            if (creating && !e.ContainsKey("hiddenfromuser"))
            {
                r["hiddenfromuser"] = JsonFields.Bool(outcome, "hidefromuser");
            }
        }

        r["last_updated"] = stamp;
        var ticketId = JsonFields.Int(r, "ticket_id");
        var ticket = t.Find(SimEntityKind.Ticket, ticketId) ?? t.Find(SimEntityKind.Project, ticketId);
        if (ticket is null)
        {
            return;
        }

        r["client_id"] = JsonFields.Int(ticket, "client_id");
        r["client_name"] = JsonFields.String(ticket, "client_name");
        r["site_id"] = JsonFields.Int(ticket, "site_id");
        var time = JsonFields.Double(r, "timetaken");
        ticket["timetaken"] = Math.Round(JsonFields.Double(ticket, "timetaken") + time - (creating ? 0 : previousTime), 2);
        if (creating)
        {
            ticket["lastactiondate"] = JsonFields.String(r, "datetime");
        }

        var newStatus = JsonFields.Int(r, "new_status");
        if (newStatus > 0 && e.ContainsKey("new_status"))
        {
            ticket["status_id"] = newStatus;
            ticket["status_name"] = NameOf(SimEntityKind.Status, newStatus);
            r["new_status_name"] = NameOf(SimEntityKind.Status, newStatus);
            SetClosedDate(ticket, stamp);
        }

        ticket["last_update"] = stamp;
    }

    private void FillAssetNames(JsonObject r)
    {
        if (JsonFields.Int(r, "site_id") is var siteId && siteId > 0 && t.Find(SimEntityKind.Site, siteId) is { } site)
        {
            r["site_name"] = JsonFields.String(site, "name");
            if (JsonFields.Int(r, "client_id") == 0)
            {
                r["client_id"] = JsonFields.Int(site, "client_id");
            }
        }

        if (t.Find(SimEntityKind.Client, JsonFields.Int(r, "client_id")) is { } client)
        {
            r["client_name"] = JsonFields.String(client, "name");
            if (JsonFields.Int(r, "site_id") == 0)
            {
                r["site_id"] = JsonFields.Int(client, "main_site_id");
                r["site_name"] = JsonFields.String(client, "main_site_name");
            }
        }

        if (t.Find(SimEntityKind.AssetType, JsonFields.Int(r, "assettype_id")) is { } type)
        {
            r["assettype_name"] = JsonFields.String(type, "name");
            if (string.IsNullOrEmpty(JsonFields.String(r, "inventory_number")))
            {
                r["inventory_number"] = $"{JsonFields.String(type, "name")![..3].ToUpperInvariant()}-{JsonFields.Int(r, "id"):D5}";
            }
        }
    }

    private string NameOf(SimEntityKind kind, int id) => id == 0 ? "" : JsonFields.String(t.Find(kind, id)?["name"]) ?? "";
}
