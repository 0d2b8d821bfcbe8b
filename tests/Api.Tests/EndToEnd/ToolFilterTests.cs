using System.Globalization;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The list and search tools' filters, each checked against the simulator's records: the total is the number of
/// records the filter means, and (when they fit on one page) the rows are exactly those records.
/// </summary>
public sealed class ToolFilterTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    private static readonly Dictionary<string, FilterCase> Table = new()
    {
        ["tickets logged in March 2025"] = new("halopsa_list_tickets", _ => Args(("date_from", "2025-03-01"), ("date_to", "2025-04-01")),
            SimEntityKind.Ticket, (r, _) => In(r, "dateoccurred", "2025-03-01", "2025-04-01")),
        ["tickets logged on one day"] = new("halopsa_list_tickets", _ => Args(("date_from", "2025-05-05T00:00:00Z"), ("date_to", "2025-05-06T00:00:00Z")),
            SimEntityKind.Ticket, (r, _) => In(r, "dateoccurred", "2025-05-05", "2025-05-06")),
        ["tickets in a status"] = new("halopsa_list_tickets", _ => Args(("status_id", 2)), SimEntityKind.Ticket, (r, _) => r.Int("status_id") == 2),
        ["tickets of an agent"] = new("halopsa_list_tickets", _ => Args(("agent_id", 3)), SimEntityKind.Ticket, (r, _) => r.Int("agent_id") == 3),
        ["tickets of a priority"] = new("halopsa_list_tickets", _ => Args(("priority_id", 1)), SimEntityKind.Ticket, (r, _) => r.Int("priority_id") == 1),
        ["tickets of a type"] = new("halopsa_list_tickets", _ => Args(("tickettype_id", 2)), SimEntityKind.Ticket, (r, _) => r.Int("tickettype_id") == 2),
        ["tickets of a site"] = new("halopsa_list_tickets", c => Args(("site_id", MainSite(c))), SimEntityKind.Ticket, (r, c) => r.Int("site_id") == MainSite(c)),
        ["open tickets of a client"] = new("halopsa_list_tickets", c => Args(("client_id", c.ClientId), ("open_only", true)),
            SimEntityKind.Ticket, (r, c) => r.Int("client_id") == c.ClientId && r.Int("status_id") is not (8 or 9)),
        ["tickets by text"] = new("halopsa_list_tickets", _ => Args(("search", "printer")), SimEntityKind.Ticket,
            (r, _) => Has(r, "printer", "summary", "details")),
        ["tickets past the last page"] = new("halopsa_list_tickets", _ => Args(("page", 1000)), SimEntityKind.Ticket, (_, _) => true),
        ["one-off invoices of January 2025"] = new("halopsa_list_invoices", _ => Args(("date_from", "2025-01-01"), ("date_to", "2025-02-01")),
            SimEntityKind.Invoice, (r, _) => r.Int("recurring_invoice_id") == 0 && In(r, "invoice_date", "2025-01-01", "2025-02-01")),
        ["one-off invoices of a client in a year"] = new("halopsa_list_invoices", c => Args(("client_id", c.ClientId), ("date_from", "2024-07-01"), ("date_to", "2025-07-01")),
            SimEntityKind.Invoice, (r, c) => r.Int("client_id") == c.ClientId && r.Int("recurring_invoice_id") == 0 && In(r, "invoice_date", "2024-07-01", "2025-07-01")),
        ["unpaid one-off invoices"] = new("halopsa_list_invoices", _ => Args(("unpaid_only", true)), SimEntityKind.Invoice,
            (r, _) => r.Int("recurring_invoice_id") == 0 && (r.Num("amountdue") ?? 0) > 0.005 && !r.Bool("voided")),
        ["active recurring schedules"] = new("halopsa_list_recurring_invoices", _ => Args(("active_only", true)), SimEntityKind.RecurringInvoice,
            (r, _) => !r["schedule"]!.AsObject().Bool("disabled")),
        ["all recurring schedules"] = new("halopsa_list_recurring_invoices", _ => Args(), SimEntityKind.RecurringInvoice, (_, _) => true),
        ["active contracts"] = new("halopsa_list_contracts", _ => Args(), SimEntityKind.Contract, (r, _) => r.Bool("active") && !r.Bool("expired")),
        ["every client"] = new("halopsa_list_clients", _ => Args(("include_inactive", true)), SimEntityKind.Client, (_, _) => true),
        ["sites by name"] = new("halopsa_list_sites", _ => Args(("search", "leeds")), SimEntityKind.Site, (r, _) => !r.Bool("inactive") && Has(r, "leeds", "name")),
        ["users by name or email"] = new("halopsa_list_users", _ => Args(("search", "smith")), SimEntityKind.User,
            (r, _) => EndUser(r) && Has(r, "smith", "name", "emailaddress")),
        ["users of a site"] = new("halopsa_list_users", c => Args(("site_id", MainSite(c))), SimEntityKind.User, (r, c) => EndUser(r) && r.Int("site_id") == MainSite(c)),
        ["assets by tag"] = new("halopsa_list_assets", _ => Args(("search", "LAP-")), SimEntityKind.Asset,
            (r, _) => !r.Bool("inactive") && Has(r, "LAP-", "inventory_number", "key_field", "key_field2", "key_field3")),
        ["assets of a site"] = new("halopsa_list_assets", c => Args(("site_id", MainSite(c))), SimEntityKind.Asset, (r, c) => !r.Bool("inactive") && r.Int("site_id") == MainSite(c)),
        ["open projects"] = new("halopsa_list_projects", _ => Args(("open_only", true)), SimEntityKind.Project, (r, _) => r.Int("status_id") is not (8 or 9)),
        ["projects by text"] = new("halopsa_list_projects", _ => Args(("search", "contoso")), SimEntityKind.Project, (r, _) => Has(r, "contoso", "summary")),
        ["tickets logged before an exact instant"] = new("halopsa_list_tickets", c => Args(("date_from", "2024-01-01"), ("date_to", Instant(c, SimEntityKind.Ticket, 10, "dateoccurred"))),
            SimEntityKind.Ticket, (r, c) => In(r, "dateoccurred", "2024-01-01", Instant(c, SimEntityKind.Ticket, 10, "dateoccurred"))),
        ["a ticket's actions before an exact instant"] = new("halopsa_list_actions", c => Args(("ticket_id", 10), ("date_to", Instant(c, SimEntityKind.Action, MiddleAction(c), "datetime"))),
            SimEntityKind.Action, (r, c) => r.Int("ticket_id") == 10 && In(r, "datetime", "2000-01-01", Instant(c, SimEntityKind.Action, MiddleAction(c), "datetime"))),
        ["a busy client's recent actions"] = new("halopsa_list_actions", c => Args(("client_id", BusyClient(c)), ("date_from", RecentFrom(c)), ("date_to", AfterTheData(c))),
            SimEntityKind.Action, (r, c) => r.Int("client_id") == BusyClient(c) && In(r, "datetime", RecentFrom(c), AfterTheData(c))),
        ["agents of a team"] = new("halopsa_list_agents", _ => Args(("team_id", 2)), SimEntityKind.Agent, (r, _) => !r.Bool("isdisabled") && r.Int("team_id") == 2),
        ["search tickets"] = new("halopsa_search", _ => Args(("entity", "tickets"), ("query", "vpn"), ("limit", 50)), SimEntityKind.Ticket,
            (r, _) => Has(r, "vpn", "summary", "details")),
        ["search assets"] = new("halopsa_search", _ => Args(("entity", "assets"), ("query", "SER-"), ("limit", 50)), SimEntityKind.Asset,
            (r, _) => !r.Bool("inactive") && Has(r, "SER-", "inventory_number", "key_field", "key_field2", "key_field3")),
        ["search agents"] = new("halopsa_search", _ => Args(("entity", "agents"), ("query", "sam")), SimEntityKind.Agent,
            (r, _) => !r.Bool("isdisabled") && Has(r, "sam", "name", "email")),
        ["search sites"] = new("halopsa_search", _ => Args(("entity", "sites"), ("query", "york"), ("limit", 50)), SimEntityKind.Site,
            (r, _) => !r.Bool("inactive") && Has(r, "york", "name")),
        ["search users"] = new("halopsa_search", _ => Args(("entity", "users"), ("query", "jones"), ("limit", 50)), SimEntityKind.User,
            (r, _) => EndUser(r) && Has(r, "jones", "name", "emailaddress")),
    };

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(CatalogueFixture, string), object> Derived = new();

    public static TheoryData<string> Cases() => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_total_and_rows_match_the_simulator(string name)
    {
        var (tool, args, kind, truth) = Table[name];
        var expected = fixture.Data.Where(kind, r => truth(r, fixture)).Select(r => r.Int("id")).ToList();
        var callArgs = args(fixture);
        var pageSize = tool == "halopsa_search" ? (int?)null : callArgs.ContainsKey("page") ? 25 : 100;
        if (pageSize is { } size && tool is not ("halopsa_list_agents"))
        {
            callArgs["page_size"] = size;
        }

        var result = await CallOk(fixture.Client, tool, callArgs);

        var ids = result.Items().Select(i => i.Int("id")).ToList();
        if (result.TryGetProperty("total", out _))
        {
            Assert.Equal(expected.Count, result.Int("total"));
        }
        else
        {
            Assert.Equal(expected.Count, result.Items().Count);
        }

        Assert.Subset(expected.ToHashSet(), ids.ToHashSet());
        if (callArgs.TryGetValue("page", out var page) && page is int p && p > 1)
        {
            Assert.Empty(ids);
            Assert.False(result.Bool("has_more"));
        }
        else if (expected.Count <= 50)
        {
            Assert.Equal(expected.Order(), ids.Order());
        }
    }

    /// <summary>A record's own timestamp, to the millisecond, as a UTC instant.</summary>
    private static string Instant(CatalogueFixture c, SimEntityKind kind, int id, string field) =>
        Memo(c, $"{kind}/{id}/{field}", () => c.Data.Get(kind, id)!.Str(field)! + "Z");

    /// <summary>An action of ticket 10 with actions before and after it.</summary>
    private static int MiddleAction(CatalogueFixture c) => Memo(c, "middle action", () =>
    {
        var actions = c.Data.Where(SimEntityKind.Action, a => a.Int("ticket_id") == 10).OrderBy(a => a.Str("datetime"), StringComparer.Ordinal).ToList();
        Assert.True(actions.Count >= 3, "ticket 10 needs at least three actions");
        return actions[actions.Count / 2].Int("id");
    });

    /// <summary>The client with the most tickets: more than list_actions scans, so which tickets it scans matters.</summary>
    private static int BusyClient(CatalogueFixture c) => Memo(c, "busy client", () =>
    {
        var busiest = c.Data.All(SimEntityKind.Ticket).GroupBy(t => t.Int("client_id")).MaxBy(g => g.Count())!;
        Assert.True(busiest.Count() > 15, $"the busiest client has only {busiest.Count()} tickets");
        return busiest.Key;
    });

    /// <summary>A start date after which at most ten of the busy client's tickets had any action.</summary>
    private static string RecentFrom(CatalogueFixture c) => Memo(c, "recent from", () =>
    {
        var lastActions = c.Data.Where(SimEntityKind.Ticket, t => t.Int("client_id") == BusyClient(c))
            .Select(t => t.Str("lastactiondate")!).OrderDescending(StringComparer.Ordinal).ToList();
        return lastActions[9] + "Z";
    });

    /// <summary>The day after the seeded data ends (the simulator dates its data back from its clock's start).</summary>
    private static string AfterTheData(CatalogueFixture c) => c.Data.Anchor.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Truth predicates run once per record; what they derive from the data is worked out once.</summary>
    private static T Memo<T>(CatalogueFixture c, string key, Func<T> value) => (T)Derived.GetOrAdd((c, key), _ => value()!);

    private static int MainSite(CatalogueFixture c) => c.Data.Get(SimEntityKind.Client, c.ClientId)!.Int("main_site_id");

    private static bool EndUser(JsonObject r) => !r.Bool("inactive") && r.Int("linked_agent_id") == 0 && !r.Bool("isserviceaccount");

    private static bool Has(JsonObject r, string text, params string[] fields) =>
        fields.Any(f => r.Str(f)?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Whether a record's date is in [from, to).</summary>
    private static bool In(JsonObject r, string field, string from, string to)
    {
        if (r.Str(field) is not { } raw)
        {
            return false;
        }

        var value = DateTime.Parse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return value >= Day(from) && value < Day(to);
    }

    private static DateTime Day(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record FilterCase(
        string Tool,
        Func<CatalogueFixture, Dictionary<string, object?>> Args,
        SimEntityKind Kind,
        Func<JsonObject, CatalogueFixture, bool> Truth);
}
