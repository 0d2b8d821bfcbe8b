using System.Globalization;
using System.Text.Json.Nodes;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.HaloSim;

namespace HaloMcp.Grains.Tests.HaloPsa;

/// <summary>Every filter the query records expose selects what the simulator's data says it should.</summary>
public sealed class QueryFilterTests
{
    public static TheoryData<string> Cases => new()
    {
        "action.ticket", "action.dates", "action.agentonly", "action.excludesys", "action.timeentries",
        "client.inactive", "client.toplevel",
        "site.search", "site.inactive",
        "user.search", "user.inactive", "user.onlyusers",
        "asset.site", "asset.search", "asset.inactive",
        "agent.search", "agent.disabled",
        "contract.site", "contract.search", "contract.inactive",
        "invoice.paymentstatuses", "invoice.posted", "invoice.recurring", "invoice.search",
        "recurring.search", "project.search",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Filter_matches_the_simulators_truth(string name)
    {
        await using var rig = await HaloRig.StartAsync(s => s.Sizes.Clients = 30);
        var c = rig.Client;
        var data = rig.Sim.Data;
        var onlyUsers = (Func<JsonObject, bool>)(u => HaloRig.Int(u, "linked_agent_id") == 0 && !Bool(u, "isserviceaccount"));
        var active = (Func<JsonObject, bool>)(r => !Bool(r, "inactive"));
        var ticketWithActions = TicketWithActions(data);
        var siteWord = Word(data, SimEntityKind.Site, "name");
        // The word must come from a contact that /Users lists at all (onlyusers leaves out agents and service accounts).
        var userWord = Word(data.All(SimEntityKind.User).Where(onlyUsers).ToList(), "name");
        var projectWord = Word(data, SimEntityKind.Project, "summary");
        var assetSite = First(data, SimEntityKind.Asset, "site_id");
        var contractSite = First(data, SimEntityKind.Contract, "site_id");
        var recurringId = First(data, SimEntityKind.Invoice, "recurring_invoice_id");
        var inventoryNumber = HaloRig.Str(data.All(SimEntityKind.Asset)[3], "inventory_number")!;
        var agentWord = HaloRig.Str(data.All(SimEntityKind.Agent)[1], "name")!.Split(' ')[0];
        var contractRef = HaloRig.Str(data.All(SimEntityKind.Contract)[2], "ref")!;
        var invoiceNumber = HaloRig.Str(data.All(SimEntityKind.Invoice).First(i => HaloRig.Str(i, "invoicenumber") is { Length: > 0 }), "invoicenumber")!;
        var recurringClient = HaloRig.Str(data.All(SimEntityKind.RecurringInvoice)[0], "client_name")!;

        var (actual, kind, truth) = name switch
        {
            "action.ticket" => await Case(c.ListActionsAsync(new ActionQuery { TicketId = ticketWithActions, PageSize = 100 }, default), SimEntityKind.Action,
                a => HaloRig.Int(a, "ticket_id") == ticketWithActions),
            "action.dates" => await ActionDates(c, data),
            "action.agentonly" => await Case(c.ListActionsAsync(new ActionQuery { AgentOnly = true }, default), SimEntityKind.Action, a => HaloRig.Int(a, "who_agentid") > 0),
            "action.excludesys" => await Case(c.ListActionsAsync(new ActionQuery { ExcludeSystem = true }, default), SimEntityKind.Action, a => HaloRig.Int(a, "action_systemid") == 0),
            "action.timeentries" => await Case(c.ListActionsAsync(new ActionQuery { TimeEntriesOnly = true }, default), SimEntityKind.Action, a => a["timetaken"]!.GetValue<double>() > 0),
            "client.inactive" => await Case(c.ListClientsAsync(new ClientQuery { IncludeInactive = true }, default), SimEntityKind.Client, _ => true),
            "client.toplevel" => await Case(c.ListClientsAsync(new ClientQuery { TopLevelId = 1 }, default), SimEntityKind.Client, r => active(r) && HaloRig.Int(r, "toplevel_id") == 1),
            "site.search" => await Case(c.ListSitesAsync(new SiteQuery { Search = siteWord, IncludeInactive = true }, default), SimEntityKind.Site,
                r => Has(r, siteWord, "name")),
            "site.inactive" => await Case(c.ListSitesAsync(new SiteQuery(), default), SimEntityKind.Site, active),
            "user.search" => await Case(c.ListUsersAsync(new UserQuery { Search = userWord, IncludeInactive = true }, default), SimEntityKind.User,
                r => onlyUsers(r) && Has(r, userWord, "name", "emailaddress")),
            "user.inactive" => await Case(c.ListUsersAsync(new UserQuery(), default), SimEntityKind.User, r => onlyUsers(r) && active(r)),
            "user.onlyusers" => await Case(c.ListUsersAsync(new UserQuery { IncludeInactive = true }, default), SimEntityKind.User, onlyUsers),
            "asset.site" => await Case(c.ListAssetsAsync(new AssetQuery { SiteId = assetSite, IncludeInactive = true }, default), SimEntityKind.Asset,
                r => HaloRig.Int(r, "site_id") == assetSite),
            "asset.search" => await Case(c.ListAssetsAsync(new AssetQuery { Search = inventoryNumber, IncludeInactive = true }, default), SimEntityKind.Asset,
                r => Has(r, inventoryNumber, "inventory_number", "key_field", "key_field2", "key_field3")),
            "asset.inactive" => await Case(c.ListAssetsAsync(new AssetQuery(), default), SimEntityKind.Asset, active),
            "agent.search" => await Case(c.ListAgentsAsync(new AgentQuery { Search = agentWord, IncludeDisabled = true }, default), SimEntityKind.Agent,
                r => Has(r, agentWord, "name", "email")),
            "agent.disabled" => await Case(c.ListAgentsAsync(new AgentQuery(), default), SimEntityKind.Agent, r => !Bool(r, "isdisabled")),
            "contract.site" => await Case(c.ListContractsAsync(new ContractQuery { SiteId = contractSite, IncludeInactive = true }, default), SimEntityKind.Contract,
                r => HaloRig.Int(r, "site_id") == contractSite),
            "contract.search" => await Case(c.ListContractsAsync(new ContractQuery { Search = contractRef, IncludeInactive = true }, default), SimEntityKind.Contract,
                r => Has(r, contractRef, "ref", "client_name")),
            "contract.inactive" => await Case(c.ListContractsAsync(new ContractQuery(), default), SimEntityKind.Contract, r => Bool(r, "active")),
            "invoice.paymentstatuses" => await Case(c.ListInvoicesAsync(new InvoiceQuery { PaymentStatuses = [0, 1] }, default), SimEntityKind.Invoice, r => HaloRig.Int(r, "paymentstatus") is 0 or 1),
            "invoice.posted" => await Case(c.ListInvoicesAsync(new InvoiceQuery { PostedOnly = true }, default), SimEntityKind.Invoice, r => Bool(r, "posted")),
            "invoice.recurring" => await Case(c.ListInvoicesAsync(new InvoiceQuery { RecurringInvoiceId = recurringId }, default), SimEntityKind.Invoice,
                r => HaloRig.Int(r, "recurring_invoice_id") == recurringId),
            "invoice.search" => await Case(c.ListInvoicesAsync(new InvoiceQuery { Search = invoiceNumber }, default), SimEntityKind.Invoice,
                r => Has(r, invoiceNumber, "invoicenumber", "client_name")),
            "recurring.search" => await Case(c.ListRecurringInvoicesAsync(new RecurringInvoiceQuery { Search = recurringClient }, default), SimEntityKind.RecurringInvoice,
                r => Has(r, recurringClient, "invoicenumber", "client_name")),
            "project.search" => await Case(c.ListProjectsAsync(new ProjectQuery { Search = projectWord }, default), SimEntityKind.Project,
                r => Has(r, projectWord, "summary", "details")),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        var expected = data.All(kind).Count(truth);
        Assert.True(expected > 0, $"{name}: the dataset has no matching record, so the case proves nothing");
        Assert.Equal(expected, actual);
    }

    private static async Task<(int, SimEntityKind, Func<JsonObject, bool>)> Case<T>(Task<HaloPage<T>> page, SimEntityKind kind, Func<JsonObject, bool> truth) =>
        ((await page).Total, kind, truth);

    private static async Task<(int, SimEntityKind, Func<JsonObject, bool>)> Case<T>(Task<IReadOnlyList<T>> list, SimEntityKind kind, Func<JsonObject, bool> truth) =>
        ((await list).Count, kind, truth);

    private static async Task<(int, SimEntityKind, Func<JsonObject, bool>)> ActionDates(HaloApiClient client, SimDataset data)
    {
        var dates = data.All(SimEntityKind.Action).Select(a => Date(a, "datetime")).OrderBy(d => d).ToList();
        var from = dates[dates.Count / 3];
        var to = dates[dates.Count / 2];
        var page = await client.ListActionsAsync(new ActionQuery { DateFrom = from, DateTo = to }, default);
        return (page.Total, SimEntityKind.Action, a => Date(a, "datetime") >= from && Date(a, "datetime") <= to);
    }

    private static int TicketWithActions(SimDataset data) =>
        data.All(SimEntityKind.Action).GroupBy(a => HaloRig.Int(a, "ticket_id")).OrderByDescending(g => g.Count()).First().Key;

    private static int First(SimDataset data, SimEntityKind kind, string field) =>
        data.All(kind).Select(r => HaloRig.Int(r, field)).First(v => v > 0);

    private static string Word(SimDataset data, SimEntityKind kind, string field) => Word(data.All(kind), field);

    private static string Word(IReadOnlyList<JsonObject> records, string field) =>
        HaloRig.Str(records[1], field)!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();

    private static bool Has(JsonObject record, string text, params string[] fields) =>
        fields.Any(f => (HaloRig.Str(record, f) ?? "").Contains(text, StringComparison.OrdinalIgnoreCase));

    private static bool Bool(JsonObject record, string field) => record[field] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static DateTimeOffset Date(JsonObject record, string field) =>
        DateTimeOffset.Parse(HaloRig.Str(record, field)!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
