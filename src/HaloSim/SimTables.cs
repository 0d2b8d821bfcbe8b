using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>The records of one instance, keyed by kind and id. Not thread-safe: <see cref="SimDataset"/> guards it.</summary>
internal sealed class SimTables
{
    private readonly Dictionary<SimEntityKind, SortedDictionary<int, JsonObject>> _tables = [];
    private readonly Dictionary<string, int> _lastIds = [];

    // HaloPSA lists actions per ticket (`/Actions?ticket_id=`), so they are indexed by ticket rather than scanned.
    private readonly Dictionary<int, SortedDictionary<int, JsonObject>> _actionsByTicket = [];
    private readonly Action<SimEntityKind>? _ensure;

    /// <param name="ensure">Called before a kind's table is used, so seeded data can be generated on first touch.</param>
    public SimTables(Action<SimEntityKind>? ensure = null)
    {
        _ensure = ensure;
        foreach (var kind in Enum.GetValues<SimEntityKind>())
        {
            _tables[kind] = [];
        }
    }

    public SortedDictionary<int, JsonObject> this[SimEntityKind kind]
    {
        get
        {
            _ensure?.Invoke(kind);
            return _tables[kind];
        }
    }

    public JsonObject? Find(SimEntityKind kind, int id) => this[kind].GetValueOrDefault(id);

    /// <summary>
    /// Like <see cref="Find"/>, but tickets and projects are one table in HaloPSA (<c>Faults</c>), so an id of either
    /// kind is found through both <c>/Tickets/{id}</c> and <c>/Projects/{id}</c>.
    /// </summary>
    public JsonObject? FindAddressable(SimEntityKind kind, int id) => kind switch
    {
        SimEntityKind.Ticket => Find(kind, id) ?? Find(SimEntityKind.Project, id),
        SimEntityKind.Project => Find(kind, id) ?? Find(SimEntityKind.Ticket, id),
        _ => Find(kind, id),
    };

    /// <summary>
    /// Adds a record under the next id of its id space. Tickets and projects share one id space (both are
    /// HaloPSA <c>Faults</c>), as do invoices and recurring invoices (<c>InvoiceHeader</c>).
    /// </summary>
    public int Add(SimEntityKind kind, JsonObject record)
    {
        var table = this[kind];
        var id = NextId(IdSpace(kind));
        // HaloPSA puts id first; callers reading raw JSON expect it there.
        record.Remove("id");
        record.Insert(0, "id", id);
        table[id] = record;
        if (kind == SimEntityKind.Action)
        {
            var ticketId = JsonFields.Int(record, "ticket_id");
            if (!_actionsByTicket.TryGetValue(ticketId, out var actions))
            {
                _actionsByTicket[ticketId] = actions = [];
            }

            actions[id] = record;
        }

        return id;
    }

    /// <summary>Removes a record; false when there was none.</summary>
    public bool Remove(SimEntityKind kind, int id)
    {
        if (!this[kind].Remove(id, out var record))
        {
            return false;
        }

        if (kind == SimEntityKind.Action && _actionsByTicket.TryGetValue(JsonFields.Int(record, "ticket_id"), out var actions))
        {
            actions.Remove(id);
        }

        return true;
    }

    /// <summary>The actions of one ticket in id order, from the index (an action never moves to another ticket).</summary>
    public IEnumerable<JsonObject> ActionsOf(int ticketId)
    {
        _ = this[SimEntityKind.Action];
        return _actionsByTicket.TryGetValue(ticketId, out var actions) ? actions.Values : [];
    }

    /// <summary>Adds a record keyed by an internal row number; for priorities, whose wire <c>id</c> is a GUID.</summary>
    public void AddKeyed(SimEntityKind kind, int key, JsonObject record) => this[kind][key] = record;

    public int NextId(string idSpace)
    {
        var next = _lastIds.GetValueOrDefault(idSpace) + 1;
        _lastIds[idSpace] = next;
        return next;
    }

    private static string IdSpace(SimEntityKind kind) => kind switch
    {
        SimEntityKind.Ticket or SimEntityKind.Project => "faults",
        SimEntityKind.Invoice or SimEntityKind.RecurringInvoice => "invoiceheader",
        _ => kind.ToString(),
    };
}
