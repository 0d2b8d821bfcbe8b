namespace HaloMcp.HaloSim;

/// <summary>
/// The collections the simulator serves, with HaloPSA's list shapes (halopsa-api §3.2) and the scope area that guards
/// each. This table is the one place the scope mapping lives:
/// tickets → Tickets, Actions, Status, TicketType, Priority, Outcome, Team, Agent;
/// customers → Client, Site, Users; assets → Asset, AssetType; contracts → ClientContract;
/// invoices → Invoice, RecurringInvoice; projects → Projects; reporting → Report.
/// </summary>
internal static class EntityRoutes
{
    private static readonly EntityRoute[] All =
    [
        new("Tickets", SimEntityKind.Ticket, "tickets", "tickets", "Ticket"),
        new("Actions", SimEntityKind.Action, "actions", "tickets", "Action"),
        new("Status", SimEntityKind.Status, null, "tickets", "Status"),
        new("TicketType", SimEntityKind.TicketType, null, "tickets", "Ticket Type"),
        new("Priority", SimEntityKind.Priority, null, "tickets", "Priority"),
        new("Outcome", SimEntityKind.Outcome, null, "tickets", "Outcome"),
        new("Team", SimEntityKind.Team, null, "tickets", "Team"),
        new("Agent", SimEntityKind.Agent, null, "tickets", "Agent"),
        new("Client", SimEntityKind.Client, "clients", "customers", "Customer"),
        new("Site", SimEntityKind.Site, "sites", "customers", "Site"),
        new("Users", SimEntityKind.User, "users", "customers", "User"),
        new("Asset", SimEntityKind.Asset, "assets", "assets", "Asset"),
        new("AssetType", SimEntityKind.AssetType, null, "assets", "Asset Type"),
        new("ClientContract", SimEntityKind.Contract, "contracts", "contracts", "Contract"),
        new("Invoice", SimEntityKind.Invoice, "invoices", "invoices", "Invoice"),
        new("RecurringInvoice", SimEntityKind.RecurringInvoice, "invoices", "invoices", "Recurring Invoice"),
        new("Projects", SimEntityKind.Project, "tickets", "projects", "Project"),
        new("Report", SimEntityKind.Report, "reports", "reporting", "Report"),
    ];

    private static readonly Dictionary<string, EntityRoute> BySegment =
        All.ToDictionary(r => r.Segment, StringComparer.OrdinalIgnoreCase);

    public static EntityRoute? Find(string segment) => BySegment.GetValueOrDefault(segment);

    /// <summary>
    /// The scope a request needs, or null when the token's scopes allow it. <c>all</c> grants everything;
    /// <c>read:X</c> allows GET on area X; <c>edit:X</c> allows GET, POST and DELETE on area X.
    /// An empty scope set allows nothing (a token requested without <c>scope</c> fails every call).
    /// </summary>
    public static string? MissingScope(IReadOnlySet<string> scopes, string area, string method)
    {
        var write = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var needed = (write ? "edit:" : "read:") + area;
        if (scopes.Contains("all") || scopes.Contains("edit:" + area) || (!write && scopes.Contains("read:" + area)))
        {
            return null;
        }

        return needed;
    }
}
