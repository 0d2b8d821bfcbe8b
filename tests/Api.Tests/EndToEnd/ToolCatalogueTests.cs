using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HaloMcp.Api.Tests.Support;
using HaloMcp.HaloSim;
using ModelContextProtocol;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// Every tool of tools.md, listed with its metadata and called through the SDK client against the simulator, its
/// structured result checked against the simulator's own records.
/// </summary>
public sealed class ToolCatalogueTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    /// <summary>The catalogue as tools.md lists it (hard-coded on purpose: the server must match the document).</summary>
    public static readonly string[] ToolsMd =
    [
        "halopsa_list_tickets", "halopsa_get_ticket", "halopsa_create_ticket", "halopsa_update_ticket", "halopsa_add_ticket_action",
        "halopsa_list_actions", "halopsa_list_clients", "halopsa_get_client", "halopsa_create_client", "halopsa_list_sites",
        "halopsa_get_site", "halopsa_list_users", "halopsa_get_user", "halopsa_list_assets", "halopsa_get_asset",
        "halopsa_create_asset", "halopsa_list_agents", "halopsa_get_agent", "halopsa_list_teams", "halopsa_list_ticket_types",
        "halopsa_list_statuses", "halopsa_list_priorities", "halopsa_list_asset_types", "halopsa_list_outcomes", "halopsa_search",
        "halopsa_list_contracts", "halopsa_get_contract", "halopsa_list_invoices", "halopsa_get_invoice",
        "halopsa_list_recurring_invoices", "halopsa_get_recurring_invoice", "halopsa_list_projects", "halopsa_get_project",
        "halopsa_list_reports", "halopsa_revenue_breakdown",
    ];

    /// <summary>Writes and their hints: (destructive, idempotent). Updates overwrite fields; creates and appends add records.</summary>
    private static readonly Dictionary<string, (bool Destructive, bool Idempotent)> Writes = new()
    {
        ["halopsa_create_ticket"] = (false, false),
        ["halopsa_update_ticket"] = (true, true),
        ["halopsa_add_ticket_action"] = (false, false),
        ["halopsa_create_client"] = (false, false),
        ["halopsa_create_asset"] = (false, false),
    };

    /// <summary>Tools outside tools.md that the server may also list (it never contacts HaloPSA).</summary>
    private static readonly string[] KnownExtras = ["halopsa_get_connection"];

    private static readonly DateTime RevenueFrom = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RevenueTo = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private int C => fixture.ClientId;

    private SimDataset Data => fixture.Data;

    public static TheoryData<string> ToolNames() => [.. ToolsMd];

    [Fact]
    public async Task Tools_list_shows_every_tool_of_tools_md_with_title_annotations_and_output_schema()
    {
        var tools = await fixture.Client.ListToolsAsync();
        var byName = tools.ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Empty(ToolsMd.Except(byName.Keys));
        Assert.Empty(byName.Keys.Except(ToolsMd).Except(KnownExtras));
        foreach (var name in ToolsMd)
        {
            var tool = byName[name];
            Assert.False(string.IsNullOrWhiteSpace(tool.Title), $"{name} has no title");
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{name} has no description");
            // Hints as a client reads them: what the tool says, or the spec's default (readOnly false, destructive
            // true, idempotent false, openWorld true), which the server leaves unsaid to keep tools/list small.
            Assert.NotNull(tool.Annotations);
            Assert.True(tool.Annotations.OpenWorldHint ?? true, $"{name}: openWorldHint");
            if (Writes.TryGetValue(name, out var hints))
            {
                Assert.False(tool.Annotations.ReadOnlyHint ?? false, $"{name}: readOnlyHint");
                Assert.Equal(hints.Destructive, tool.Annotations.DestructiveHint ?? true);
                Assert.Equal(hints.Idempotent, tool.Annotations.IdempotentHint ?? false);
            }
            else
            {
                Assert.True(tool.Annotations.ReadOnlyHint, $"{name}: readOnlyHint");
            }

            Assert.True(tool.OutputSchema.HasValue, $"{name} has no output schema");
            Assert.Equal("object", tool.OutputSchema.Value.GetProperty("type").GetString());
            Assert.True(tool.OutputSchema.Value.GetProperty("properties").EnumerateObject().Any(), $"{name}: empty output schema");
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
        }

        // The breakdown sums invoice lines gross (as SimDataset.RevenueTruth and HaloPSA's invoice_totals do); its
        // description must not tell the model otherwise.
        Assert.DoesNotContain("net of tax", byName["halopsa_revenue_breakdown"].Description);
    }

    [Fact]
    public void Every_tool_of_tools_md_has_a_check_against_the_simulator() =>
        Assert.Equal(ToolsMd.Order(), Checks.Keys.Order());

    [Theory]
    [MemberData(nameof(ToolNames))]
    public async Task Tool_result_matches_the_simulator(string tool)
    {
        var result = await Checks[tool](this);

        // Whatever the tool answered is what its published output schema says it answers: a JSON Schema validator
        // agrees, and every property it sent is one the schema names.
        var tools = await fixture.Client.ListToolsAsync();
        var schema = tools.Single(t => t.Name == tool).ProtocolTool.OutputSchema!.Value;
        OutputSchemaAssert.Valid(tool, schema, result);
        var declared = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Empty(result.EnumerateObject().Select(p => p.Name).Except(declared));
        if (schema.TryGetProperty("required", out var required))
        {
            Assert.Empty(required.EnumerateArray().Select(r => r.GetString()!).Except(result.EnumerateObject().Select(p => p.Name)));
        }
    }

    private static readonly Dictionary<string, Func<ToolCatalogueTests, Task<JsonElement>>> Checks = new()
    {
        ["halopsa_list_tickets"] = t => t.ListTickets(),
        ["halopsa_get_ticket"] = t => t.GetTicket(),
        ["halopsa_create_ticket"] = t => t.CreateTicket(),
        ["halopsa_update_ticket"] = t => t.UpdateTicket(),
        ["halopsa_add_ticket_action"] = t => t.AddTicketAction(),
        ["halopsa_list_actions"] = t => t.ListActions(),
        ["halopsa_list_clients"] = t => t.ListClients(),
        ["halopsa_get_client"] = t => t.GetClient(),
        ["halopsa_create_client"] = t => t.CreateClient(),
        ["halopsa_list_sites"] = t => t.ListSites(),
        ["halopsa_get_site"] = t => t.GetSite(),
        ["halopsa_list_users"] = t => t.ListUsers(),
        ["halopsa_get_user"] = t => t.GetUser(),
        ["halopsa_list_assets"] = t => t.ListAssets(),
        ["halopsa_get_asset"] = t => t.GetAsset(),
        ["halopsa_create_asset"] = t => t.CreateAsset(),
        ["halopsa_list_agents"] = t => t.ListAgents(),
        ["halopsa_get_agent"] = t => t.GetAgent(),
        ["halopsa_list_teams"] = t => t.ListTeams(),
        ["halopsa_list_ticket_types"] = t => t.ListTicketTypes(),
        ["halopsa_list_statuses"] = t => t.ListStatuses(),
        ["halopsa_list_priorities"] = t => t.ListPriorities(),
        ["halopsa_list_asset_types"] = t => t.ListAssetTypes(),
        ["halopsa_list_outcomes"] = t => t.ListOutcomes(),
        ["halopsa_search"] = t => t.Search(),
        ["halopsa_list_contracts"] = t => t.ListContracts(),
        ["halopsa_get_contract"] = t => t.GetContract(),
        ["halopsa_list_invoices"] = t => t.ListInvoices(),
        ["halopsa_get_invoice"] = t => t.GetInvoice(),
        ["halopsa_list_recurring_invoices"] = t => t.ListRecurringInvoices(),
        ["halopsa_get_recurring_invoice"] = t => t.GetRecurringInvoice(),
        ["halopsa_list_projects"] = t => t.ListProjects(),
        ["halopsa_get_project"] = t => t.GetProject(),
        ["halopsa_list_reports"] = t => t.ListReports(),
        ["halopsa_revenue_breakdown"] = t => t.RevenueBreakdown(),
    };

    private Task<JsonElement> Call(string tool, params (string Name, object? Value)[] args) => CallOk(fixture.Client, tool, Args(args));

    /// <summary>The client's tickets, oldest id first: reads use the first ones, writes the last ones, so they never meet.</summary>
    private IReadOnlyList<JsonObject> ClientTickets() => [.. fixture.SeedTicketIds.Select(id => Data.Get(SimEntityKind.Ticket, id)!)];

    private static void AssertPage(JsonElement page, int expectedTotal, IReadOnlyCollection<int> truthIds, int pageSize)
    {
        Assert.Equal(expectedTotal, page.Int("total"));
        var ids = page.Items().Select(i => i.Int("id")).ToList();
        Assert.Equal(Math.Min(pageSize, expectedTotal), ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Subset(truthIds.ToHashSet(), ids.ToHashSet());
        Assert.Equal(expectedTotal > pageSize, page.Bool("has_more"));
    }

    // --- tickets -------------------------------------------------------------------------------------------

    private async Task<JsonElement> ListTickets()
    {
        var truth = Data.Where(SimEntityKind.Ticket, r => r.Int("client_id") == C);
        var page = await Call("halopsa_list_tickets", ("client_id", C), ("page_size", 100));
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 100);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.Ticket, item.Int("id"))!;
            Assert.Equal(record.Str("summary"), item.Str("summary"));
            Assert.Equal(C, record.Int("client_id"));

            // The query names the client: its rows do not repeat it.
            Assert.False(item.TryGetProperty("client_id", out _));
            Assert.False(item.TryGetProperty("client_name", out _));
            Assert.Equal(record.Int("status_id"), item.Int("status_id"));
            Assert.Equal(record.Named("status_name"), item.Str("status_name"));
        }

        // A second filter, over every client, and a later page.
        var open = Data.Where(SimEntityKind.Ticket, r => r.Int("status_id") is not (8 or 9) && r.Int("team_id") == 2);
        var openPage = await Call("halopsa_list_tickets", ("open_only", true), ("team_id", 2), ("page", 2), ("page_size", 10));
        Assert.Equal(open.Count, openPage.Int("total"));
        Assert.Equal(2, openPage.Int("page"));
        Assert.All(openPage.Items(), i => Assert.Contains(i.Int("id"), open.Select(r => r.Int("id"))));
        return page;
    }

    private async Task<JsonElement> GetTicket()
    {
        var record = ClientTickets().First(r => Data.Where(SimEntityKind.Action, a => a.Int("ticket_id") == r.Int("id")).Count > 0);
        var id = record.Int("id");
        var actions = Data.Where(SimEntityKind.Action, a => a.Int("ticket_id") == id);
        var ticket = await Call("halopsa_get_ticket", ("ticket_id", id));
        Assert.Equal(id, ticket.Int("id"));
        Assert.Equal(record.Str("summary"), ticket.Str("summary"));
        Assert.Equal(record.Int("client_id"), ticket.Int("client_id"));
        Assert.Equal(record.Named("client_name"), ticket.Str("client_name"));
        Assert.Equal(record.Int("status_id"), ticket.Int("status_id"));
        Assert.Equal(record.Named("status_name"), ticket.Str("status_name"));
        Assert.Equal(record.Int("site_id"), ticket.IntOrNull("site_id"));
        Assert.Equal(record.Int("priority_id"), ticket.IntOrNull("priority_id"));
        Assert.Equal(record.Int("agent_id") > 0 ? record.Int("agent_id") : null, ticket.IntOrNull("agent_id"));
        Assert.Equal(record.Int("status_id") is 8 or 9, ticket.Bool("is_closed"));
        Assert.Equal(record.Num("timetaken") ?? 0, ticket.Time("time_taken_hours"), 3);
        Assert.Equal(actions.Count, ticket.Int("actions_total"));
        Assert.EndsWith("Z", ticket.Str("date_occurred"));
        Assert.Equal(record.Instant("dateoccurred"), DateTimeOffset.Parse(ticket.Str("date_occurred")!, CultureInfo.InvariantCulture));
        if (record.Str("dateclosed")!.StartsWith("1900", StringComparison.Ordinal))
        {
            Assert.Equal(JsonValueKind.Null, ticket.TryGetProperty("date_closed", out var closed) ? closed.ValueKind : JsonValueKind.Null);
        }

        var returned = ticket.Array("actions");
        Assert.NotEmpty(returned);
        // A ticket's actions do not repeat its id.
        Assert.All(returned, a => Assert.False(a.TryGetProperty("ticket_id", out _)));
        Assert.Subset(actions.Select(a => a.Int("id")).ToHashSet(), returned.Select(a => a.Int("id")).ToHashSet());

        // Newest first: the first action returned is the ticket's newest.
        var newest = actions.OrderByDescending(a => a.Str("datetime"), StringComparer.Ordinal).First();
        Assert.Equal(newest.Int("id"), returned[0].Int("id"));

        // Without actions the total is unknown, not zero.
        var bare = await Call("halopsa_get_ticket", ("ticket_id", id), ("include_actions", false));
        Assert.False(bare.TryGetProperty("actions", out _), "actions were not read");
        Assert.False(bare.TryGetProperty("actions_total", out var total) && total.ValueKind != JsonValueKind.Null, "actions_total must be unknown");
        return ticket;
    }

    private async Task<JsonElement> CreateTicket()
    {
        var before = Data.Count(SimEntityKind.Ticket);
        var listedBefore = (await Call("halopsa_list_tickets", ("client_id", C), ("page_size", 1))).Int("total");
        var summary = "E2E created " + Guid.NewGuid().ToString("N");
        var ticket = await Call(
            "halopsa_create_ticket", ("summary", summary), ("client_id", C), ("details", "Raised by the end-to-end test."), ("priority_id", 2), ("status_id", 1));

        Assert.Equal(before + 1, Data.Count(SimEntityKind.Ticket));
        var record = Assert.Single(Data.Where(SimEntityKind.Ticket, r => r.Str("summary") == summary));
        Assert.Equal(record.Int("id"), ticket.Int("id"));
        Assert.Equal(C, record.Int("client_id"));
        Assert.Equal("Raised by the end-to-end test.", record.Str("details"));
        Assert.Equal(2, record.Int("priority_id"));
        Assert.Equal(1, record.Int("status_id"));
        Assert.Equal(summary, ticket.Str("summary"));
        Assert.Equal(C, ticket.Int("client_id"));
        Assert.Equal(listedBefore + 1, (await Call("halopsa_list_tickets", ("client_id", C), ("page_size", 1))).Int("total"));
        return ticket;
    }

    private async Task<JsonElement> UpdateTicket()
    {
        var target = ClientTickets()[^1];
        var id = target.Int("id");
        var before = Data.Get(SimEntityKind.Ticket, id)!;
        var summary = "E2E updated " + Guid.NewGuid().ToString("N");
        var ticket = await Call("halopsa_update_ticket", ("ticket_id", id), ("summary", summary));

        var after = Data.Get(SimEntityKind.Ticket, id)!;
        Assert.Equal(summary, after.Str("summary"));
        foreach (var field in new[] { "details", "client_id", "site_id", "user_id", "status_id", "priority_id", "tickettype_id", "team_id", "agent_id", "category_1", "dateoccurred" })
        {
            Assert.True(JsonNode.DeepEquals(before[field], after[field]), $"update of the summary changed '{field}': {before[field]} -> {after[field]}");
        }

        Assert.Equal(id, ticket.Int("id"));
        Assert.Equal(summary, ticket.Str("summary"));
        Assert.Equal(before.Int("status_id"), ticket.Int("status_id"));
        Assert.Equal(summary, (await Call("halopsa_get_ticket", ("ticket_id", id))).Str("summary"));
        return ticket;
    }

    private async Task<JsonElement> AddTicketAction()
    {
        var id = ClientTickets()[^2].Int("id");
        var shownBefore = await Call("halopsa_get_ticket", ("ticket_id", id)); // cached by the server from here on
        var note = "E2E note " + Guid.NewGuid().ToString("N");
        var action = await Call(
            "halopsa_add_ticket_action", ("ticket_id", id), ("note", note), ("outcome", "Phone Call"), ("timetaken", 90), ("hidden_from_user", false));

        var record = Assert.Single(Data.Where(SimEntityKind.Action, a => a.Int("ticket_id") == id && a.Str("note") == note));
        Assert.Equal(1.5, record.Num("timetaken")!.Value, 4); // minutes on the tool, hours on the wire
        Assert.Equal("Phone Call", record.Str("outcome"));
        Assert.False(record.Bool("hiddenfromuser"));
        Assert.Equal(record.Int("id"), action.Int("id"));
        Assert.Equal(id, action.Int("ticket_id"));
        Assert.Equal(90, action.Time("time_taken_minutes"), 3);
        Assert.Equal(note, action.Str("note"));
        Assert.Equal("Phone Call", action.Str("outcome"));

        // The ticket as read next shows the new action first, not a cached copy from before it.
        var shownAfter = await Call("halopsa_get_ticket", ("ticket_id", id));
        Assert.Equal(shownBefore.Int("actions_total") + 1, shownAfter.Int("actions_total"));
        Assert.Equal(note, shownAfter.Array("actions")[0].Str("note"));
        Assert.Equal(shownBefore.Time("time_taken_hours") + 1.5, shownAfter.Time("time_taken_hours"), 3);
        return action;
    }

    private async Task<JsonElement> ListActions()
    {
        var id = ClientTickets()[0].Int("id");
        var truth = Data.Where(SimEntityKind.Action, a => a.Int("ticket_id") == id);
        var page = await Call("halopsa_list_actions", ("ticket_id", id));
        AssertPage(page, truth.Count, [.. truth.Select(a => a.Int("id"))], 25);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.Action, item.Int("id"))!;
            Assert.Equal(record.Named("outcome"), item.Str("outcome"));
            Assert.Equal((record.Num("timetaken") ?? 0) * 60, item.Time("time_taken_minutes"), 3);
        }

        // One client's billable actions in a period.
        var from = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc);
        var billable = Data.Where(SimEntityKind.Action, a => a.Int("client_id") == C && a.Bool("actisbillable")
            && DateTime.Parse(a.Str("datetime")!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal) is var d && d >= from && d < to);
        var clientPage = await Call("halopsa_list_actions", ("client_id", C), ("billable_only", true), ("date_from", "2025-01-01"), ("date_to", "2025-07-01"), ("page_size", 100));
        Assert.Equal(billable.Count, clientPage.Int("total"));
        Assert.Equal(billable.Select(a => a.Int("id")).Order(), clientPage.Items().Select(i => i.Int("id")).Order());
        return page;
    }

    // --- customers -----------------------------------------------------------------------------------------

    private async Task<JsonElement> ListClients()
    {
        var active = Data.Where(SimEntityKind.Client, r => !r.Bool("inactive"));
        var page = await Call("halopsa_list_clients", ("page_size", 100));
        AssertPage(page, active.Count, [.. active.Select(r => r.Int("id"))], 100);
        foreach (var item in page.Items())
        {
            Assert.Equal(Data.Get(SimEntityKind.Client, item.Int("id"))!.Str("name"), item.Str("name"));
        }

        var contoso = Data.Where(SimEntityKind.Client, r => r.Str("name")!.Contains("contoso", StringComparison.OrdinalIgnoreCase));
        var searched = await Call("halopsa_list_clients", ("search", "contoso"), ("include_inactive", true));
        AssertPage(searched, contoso.Count, [.. contoso.Select(r => r.Int("id"))], 25);
        return page;
    }

    private async Task<JsonElement> GetClient()
    {
        var record = Data.Get(SimEntityKind.Client, C)!;
        var client = await Call("halopsa_get_client", ("client_id", C), ("include_sites", true));
        Assert.Equal(C, client.Int("id"));
        Assert.Equal(record.Str("name"), client.Str("name"));
        Assert.Equal(record.Named("website"), client.Str("website"));
        Assert.Equal(record.Named("main_phonenumber"), client.Str("phone_number"));
        Assert.Equal(record.Int("main_site_id"), client.IntOrNull("main_site_id"));
        Assert.Equal(record.Bool("is_vip"), client.Bool("is_vip"));
        var sites = Data.Where(SimEntityKind.Site, s => s.Int("client_id") == C && !s.Bool("inactive"));
        Assert.Equal(sites.Select(s => s.Int("id")).Order(), client.Array("sites").Select(s => s.Int("id")).Order());
        return client;
    }

    private async Task<JsonElement> CreateClient()
    {
        var before = Data.Count(SimEntityKind.Client);
        var name = "E2E Client " + Guid.NewGuid().ToString("N")[..12];
        var client = await Call("halopsa_create_client", ("name", name), ("website", "https://e2e.example"), ("phone_number", "0100 000000"));

        Assert.Equal(before + 1, Data.Count(SimEntityKind.Client));
        var record = Assert.Single(Data.Where(SimEntityKind.Client, r => r.Str("name") == name));
        Assert.Equal("https://e2e.example", record.Str("website"));
        Assert.Equal("0100 000000", record.Str("main_phonenumber"));
        Assert.Equal(record.Int("id"), client.Int("id"));
        Assert.Equal(name, client.Str("name"));
        Assert.Equal("https://e2e.example", client.Str("website"));
        return client;
    }

    private async Task<JsonElement> ListSites()
    {
        var truth = Data.Where(SimEntityKind.Site, s => s.Int("client_id") == C && !s.Bool("inactive"));
        var page = await Call("halopsa_list_sites", ("client_id", C));
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 25);
        Assert.All(page.Items(), i => Assert.Equal(C, i.Int("client_id")));
        return page;
    }

    private async Task<JsonElement> GetSite()
    {
        var record = Data.Where(SimEntityKind.Site, s => s.Int("client_id") == C)[0];
        var site = await Call("halopsa_get_site", ("site_id", record.Int("id")));
        Assert.Equal(record.Int("id"), site.Int("id"));
        Assert.Equal(record.Str("name"), site.Str("name"));
        Assert.Equal(C, site.Int("client_id"));
        Assert.Equal(record.Named("client_name"), site.Str("client_name"));
        Assert.Equal(record.Named("phonenumber"), site.Str("phone_number"));
        Assert.Contains(record.Str("delivery_address_line1"), site.Array("address").Select(a => a.GetString()));
        return site;
    }

    private async Task<JsonElement> ListUsers()
    {
        var truth = Data.Where(SimEntityKind.User, u => u.Int("client_id") == C && !u.Bool("inactive")
            && u.Int("linked_agent_id") == 0 && !u.Bool("isserviceaccount"));
        var page = await Call("halopsa_list_users", ("client_id", C), ("page_size", 100));
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 100);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.User, item.Int("id"))!;
            Assert.Equal(record.Str("name"), item.Str("name"));
            Assert.Equal(record.Named("emailaddress"), item.Str("email"));
        }

        return page;
    }

    private async Task<JsonElement> GetUser()
    {
        var record = Data.Where(SimEntityKind.User, u => u.Int("client_id") == C)[0];
        var user = await Call("halopsa_get_user", ("user_id", record.Int("id")));
        Assert.Equal(record.Int("id"), user.Int("id"));
        Assert.Equal(record.Str("name"), user.Str("name"));
        Assert.Equal(record.Named("emailaddress"), user.Str("email"));
        Assert.Equal(record.Named("mobilenumber"), user.Str("mobile_number"));
        Assert.Equal(C, user.IntOrNull("client_id"));
        Assert.Equal(record.Int("site_id"), user.IntOrNull("site_id"));
        return user;
    }

    // --- assets --------------------------------------------------------------------------------------------

    private async Task<JsonElement> ListAssets()
    {
        var truth = Data.Where(SimEntityKind.Asset, a => a.Int("client_id") == C && !a.Bool("inactive"));
        var page = await Call("halopsa_list_assets", ("client_id", C), ("page_size", 100));
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 100);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.Asset, item.Int("id"))!;
            Assert.Equal(record.Named("inventory_number"), item.Str("inventory_number"));
            Assert.Equal(record.Int("assettype_id"), item.IntOrNull("asset_type_id"));
        }

        var servers = Data.Where(SimEntityKind.Asset, a => a.Int("assettype_id") == 3 && !a.Bool("inactive"));
        var typed = await Call("halopsa_list_assets", ("assettype_id", 3), ("page_size", 10));
        Assert.Equal(servers.Count, typed.Int("total"));
        return page;
    }

    private async Task<JsonElement> GetAsset()
    {
        // An asset that tickets concern, so that the association is checked too.
        static bool Concerns(JsonObject ticket, int assetId) =>
            ticket["assets"] is JsonArray linked && linked.OfType<JsonObject>().Any(a => a.Int("id") == assetId);
        var record = Data.Where(SimEntityKind.Asset, a => a.Int("client_id") == C)
            .First(a => Data.Where(SimEntityKind.Ticket, t => Concerns(t, a.Int("id"))).Count > 0);
        var linkedTickets = Data.Where(SimEntityKind.Ticket, t => Concerns(t, record.Int("id")));
        var asset = await Call("halopsa_get_asset", ("asset_id", record.Int("id")), ("include_tickets", true));
        Assert.Equal(record.Int("id"), asset.Int("id"));
        Assert.Equal(record.Named("inventory_number"), asset.Str("inventory_number"));
        Assert.Equal(record.Named("key_field"), asset.Str("key_field"));
        Assert.Equal(record.Named("key_field2"), asset.Str("key_field2"));
        Assert.Equal(record.Int("assettype_id"), asset.IntOrNull("asset_type_id"));
        Assert.Equal(record.Named("assettype_name"), asset.Str("asset_type_name"));
        Assert.Equal(C, asset.IntOrNull("client_id"));
        Assert.Equal(record.Int("site_id"), asset.IntOrNull("site_id"));
        var fields = record["fields"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(fields.Select(f => f.Str("value")), asset.Array("fields").Select(f => f.Str("value")));
        var shown = asset.Array("linked_tickets").Select(t => t.Int("id")).ToList();
        Assert.Equal(linkedTickets.Select(t => t.Int("id")).OrderDescending().Take(10), shown);
        Assert.All(asset.Array("linked_tickets"), t => Assert.Equal(Data.Get(SimEntityKind.Ticket, t.Int("id"))!.Str("summary"), t.Str("summary")));
        return asset;
    }

    private async Task<JsonElement> CreateAsset()
    {
        var before = Data.Count(SimEntityKind.Asset);
        var tag = "E2E-" + Guid.NewGuid().ToString("N")[..10];
        var site = Data.Get(SimEntityKind.Client, C)!.Int("main_site_id");
        var asset = await Call(
            "halopsa_create_asset", ("client_id", C), ("assettype_id", 2), ("site_id", site), ("inventory_number", tag), ("key_field", tag.ToLowerInvariant()));

        Assert.Equal(before + 1, Data.Count(SimEntityKind.Asset));
        var record = Assert.Single(Data.Where(SimEntityKind.Asset, a => a.Str("inventory_number") == tag));
        Assert.Equal(C, record.Int("client_id"));
        Assert.Equal(2, record.Int("assettype_id"));
        Assert.Equal(site, record.Int("site_id"));
        Assert.Equal(tag.ToLowerInvariant(), record.Str("key_field"));
        Assert.Equal(record.Int("id"), asset.Int("id"));
        Assert.Equal(tag, asset.Str("inventory_number"));
        return asset;
    }

    // --- reference data ------------------------------------------------------------------------------------

    private async Task<JsonElement> ListAgents()
    {
        var active = Data.Where(SimEntityKind.Agent, a => !a.Bool("isdisabled"));
        var list = await Call("halopsa_list_agents");
        Assert.Equal(active.Select(a => (a.Int("id"), a.Str("name"))), list.Items().Select(i => (i.Int("id"), i.Str("name"))).OrderBy(x => x.Item1));
        Assert.Equal(active.Count, list.Items().Count);

        var all = await Call("halopsa_list_agents", ("include_inactive", true));
        Assert.Equal(Data.Count(SimEntityKind.Agent), all.Items().Count);
        return list;
    }

    private async Task<JsonElement> GetAgent()
    {
        var record = Data.Get(SimEntityKind.Agent, 2)!;
        var agent = await Call("halopsa_get_agent", ("agent_id", 2));
        Assert.Equal(2, agent.Int("id"));
        Assert.Equal(record.Str("name"), agent.Str("name"));
        Assert.Equal(record.Named("email"), agent.Str("email"));
        Assert.Equal(record.Named("jobtitle"), agent.Str("job_title"));
        Assert.Equal(record.Named("team"), agent.Str("team"));
        return agent;
    }

    private async Task<JsonElement> ListTeams()
    {
        // Active teams only: HaloPSA leaves inactive ones out unless asked, and so does the tool.
        var list = await Call("halopsa_list_teams");
        var teams = Data.Where(SimEntityKind.Team, t => !t.Bool("inactive"));
        Assert.Equal(teams.Select(t => (t.Int("id"), t.Str("name"), t.Bool("inactive"))), list.Items().Select(i => (i.Int("id"), i.Str("name"), i.Bool("inactive"))).OrderBy(x => x.Item1));
        return list;
    }

    private async Task<JsonElement> ListTicketTypes()
    {
        var list = await Call("halopsa_list_ticket_types");
        Assert.Equal(Data.All(SimEntityKind.TicketType).Select(t => (t.Int("id"), t.Str("name"))), list.Items().Select(i => (i.Int("id"), i.Str("name"))).OrderBy(x => x.Item1));
        return list;
    }

    private async Task<JsonElement> ListStatuses()
    {
        var list = await Call("halopsa_list_statuses");
        Assert.Equal(
            Data.All(SimEntityKind.Status).Select(s => (s.Int("id"), s.Str("name"), s.Bool("is_closed_type"))),
            list.Items().Select(i => (i.Int("id"), i.Str("name"), i.Bool("is_closed"))).OrderBy(x => x.Item1));
        return list;
    }

    private async Task<JsonElement> ListPriorities()
    {
        var list = await Call("halopsa_list_priorities");
        var rows = Data.All(SimEntityKind.Priority).Where(p => p.Int("slaid") == 1).OrderBy(p => p.Int("priorityid")).ToList();
        Assert.Equal(rows.Select(p => (p.Int("priorityid"), p.Str("name"))), list.Items().Select(i => (i.Int("priority_id"), i.Str("name"))));
        Assert.Equal(rows.Select(p => p.Num("responsetime")), list.Items().Select(i => i.NumOrNull("response_hours")));
        Assert.Equal(rows.Select(p => p.Num("fixtime")), list.Items().Select(i => i.NumOrNull("fix_hours")));
        return list;
    }

    private async Task<JsonElement> ListAssetTypes()
    {
        var list = await Call("halopsa_list_asset_types");
        Assert.Equal(
            Data.All(SimEntityKind.AssetType).Select(t => (t.Int("id"), t.Str("name"), t.Str("keyfield_name"))),
            list.Items().Select(i => (i.Int("id"), i.Str("name"), i.Str("key_field_name"))).OrderBy(x => x.Item1));
        return list;
    }

    private async Task<JsonElement> ListOutcomes()
    {
        var list = await Call("halopsa_list_outcomes");
        Assert.Equal(
            Data.All(SimEntityKind.Outcome).Select(o => (o.Int("id"), o.Str("outcome"), o.Bool("hidefromuser"))),
            list.Items().Select(i => (i.Int("id"), i.Str("name"), i.Bool("hidden_from_user"))).OrderBy(x => x.Item1));
        return list;
    }

    private async Task<JsonElement> Search()
    {
        var result = await Call("halopsa_search", ("entity", "clients"), ("query", "Northwind"), ("limit", 50));
        var truth = Data.Where(SimEntityKind.Client, r => !r.Bool("inactive") && r.Str("name")!.Contains("Northwind", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("clients", result.Str("entity"));
        Assert.Equal(truth.Count, result.Int("total"));
        Assert.Equal(truth.Select(r => (r.Int("id"), r.Str("name"))), result.Items().Select(h => (h.Int("id"), h.Str("title"))).OrderBy(x => x.Item1));

        var assetTag = Data.Where(SimEntityKind.Asset, a => a.Int("client_id") == C && !a.Bool("inactive"))[0].Str("inventory_number")!;
        var assets = await Call("halopsa_search", ("entity", "assets"), ("query", assetTag));
        Assert.Contains(assets.Items(), h => h.Int("id") == Data.Where(SimEntityKind.Asset, a => a.Str("inventory_number") == assetTag)[0].Int("id"));
        return result;
    }

    // --- billing -------------------------------------------------------------------------------------------

    private async Task<JsonElement> ListContracts()
    {
        var all = Data.Where(SimEntityKind.Contract, r => r.Int("client_id") == C);
        var page = await Call("halopsa_list_contracts", ("client_id", C), ("active_only", false));
        AssertPage(page, all.Count, [.. all.Select(r => r.Int("id"))], 25);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.Contract, item.Int("id"))!;
            Assert.Equal(record.Str("ref"), item.Str("reference"));
            Assert.Equal(record.Num("periodchargeamount"), item.NumOrNull("period_charge_amount"));
            Assert.Equal(record.Bool("active") && !record.Bool("expired"), item.Bool("active"));
        }

        var active = Data.Where(SimEntityKind.Contract, r => r.Bool("active") && !r.Bool("expired"));
        var activePage = await Call("halopsa_list_contracts", ("page_size", 100));
        AssertPage(activePage, active.Count, [.. active.Select(r => r.Int("id"))], 100);
        return page;
    }

    private async Task<JsonElement> GetContract()
    {
        var record = Data.Where(SimEntityKind.Contract, r => r.Int("client_id") == C)[0];
        var contract = await Call("halopsa_get_contract", ("contract_id", record.Int("id")));
        Assert.Equal(record.Int("id"), contract.Int("id"));
        Assert.Equal(record.Str("ref"), contract.Str("reference"));
        Assert.Equal(C, contract.Int("client_id"));
        Assert.Equal(record.Num("periodchargeamount"), contract.NumOrNull("period_charge_amount"));
        Assert.Equal(record.Named("contract_status"), contract.Str("status"));
        Assert.StartsWith(record.Str("start_date")![..10], contract.Str("start_date"));
        return contract;
    }

    private async Task<JsonElement> ListInvoices()
    {
        var oneOff = Data.Where(SimEntityKind.Invoice, r => r.Int("client_id") == C && r.Int("recurring_invoice_id") == 0);
        var page = await Call("halopsa_list_invoices", ("client_id", C), ("page_size", 100));
        AssertPage(page, oneOff.Count, [.. oneOff.Select(r => r.Int("id"))], 100);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.Invoice, item.Int("id"))!;
            Assert.Equal(record.Str("invoicenumber"), item.Str("invoice_number"));
            Assert.Equal(record.Num("total"), item.Num("total"));
            Assert.Equal(record.Num("amountdue"), item.Num("amount_due"));
            Assert.Null(item.IntOrNull("recurring_invoice_id"));
        }

        return page;
    }

    private async Task<JsonElement> GetInvoice()
    {
        var record = Data.Where(SimEntityKind.Invoice, r => r.Int("client_id") == C && r["invoice_totals"] is JsonObject && r["lines"]!.AsArray().Count > 1)[0];
        var invoice = await Call("halopsa_get_invoice", ("invoice_id", record.Int("id")));
        Assert.Equal(record.Int("id"), invoice.Int("id"));
        Assert.Equal(record.Str("invoicenumber"), invoice.Str("invoice_number"));
        Assert.Equal(C, invoice.Int("client_id"));
        Assert.Equal(record.Num("total"), invoice.Num("total"));
        Assert.Equal(record.Num("tax_total"), invoice.Num("tax_total"));
        Assert.Equal(record.Num("amountdue"), invoice.Num("amount_due"));
        Assert.Equal(record.Bool("voided"), invoice.Bool("voided"));
        var totals = record["invoice_totals"]!.AsObject();
        Assert.Equal(totals.Num("recurringTotal"), invoice.NumOrNull("recurring_total"));
        Assert.Equal(totals.Num("nonRecurringTotal"), invoice.NumOrNull("non_recurring_total"));
        var lines = record["lines"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Equal(lines.Select(l => (l.Int("id"), l.Num("net_amount"))), invoice.Array("lines").Select(l => (l.Int("id"), (double?)l.Num("net_amount"))));
        return invoice;
    }

    private async Task<JsonElement> ListRecurringInvoices()
    {
        var truth = Data.Where(SimEntityKind.RecurringInvoice, r => r.Int("client_id") == C);
        var page = await Call("halopsa_list_recurring_invoices", ("client_id", C));
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 25);
        foreach (var item in page.Items())
        {
            var record = Data.Get(SimEntityKind.RecurringInvoice, item.Int("id"))!;
            Assert.Equal(record["invoice_totals"]!.AsObject().Num("recurringMonthlyTotal"), item.NumOrNull("monthly_total"));
            Assert.Equal(!record["schedule"]!.AsObject().Bool("disabled"), item.Bool("active"));
        }

        return page;
    }

    private async Task<JsonElement> GetRecurringInvoice()
    {
        var record = Data.Where(SimEntityKind.RecurringInvoice, r => r.Int("client_id") == C)[0];
        var schedule = await Call("halopsa_get_recurring_invoice", ("recurring_invoice_id", record.Int("id")));
        Assert.Equal(record.Int("id"), schedule.Int("id"));
        Assert.Equal(C, schedule.Int("client_id"));
        Assert.Equal(record.Named("periodname"), schedule.Str("period"));
        Assert.Equal(record.Num("total"), schedule.Num("total"));
        Assert.Equal(record["invoice_totals"]!.AsObject().Num("recurringMonthlyTotal"), schedule.NumOrNull("monthly_total"));
        Assert.Equal(!record["schedule"]!.AsObject().Bool("disabled"), schedule.Bool("active"));
        Assert.Equal(record["lines"]!.AsArray().Count, schedule.Array("lines").Count);
        Assert.All(schedule.Array("lines"), l => Assert.True(l.Bool("is_recurring")));
        return schedule;
    }

    private async Task<JsonElement> ListProjects()
    {
        var truth = Data.All(SimEntityKind.Project);
        var page = await Call("halopsa_list_projects");
        AssertPage(page, truth.Count, [.. truth.Select(r => r.Int("id"))], 25);
        Assert.All(page.Items(), i => Assert.Equal(Data.Get(SimEntityKind.Project, i.Int("id"))!.Str("summary"), i.Str("summary")));

        var open = truth.Where(r => r.Int("status_id") is not (8 or 9)).ToList();
        var openPage = await Call("halopsa_list_projects", ("open_only", true));
        Assert.Equal(open.Count, openPage.Int("total"));
        return page;
    }

    private async Task<JsonElement> GetProject()
    {
        var record = Data.All(SimEntityKind.Project)[0];
        var project = await Call("halopsa_get_project", ("project_id", record.Int("id")));
        Assert.Equal(record.Int("id"), project.Int("id"));
        Assert.Equal(record.Str("summary"), project.Str("summary"));
        Assert.Equal(record.Int("client_id"), project.Int("client_id"));
        Assert.Equal(record.Named("status_name"), project.Str("status_name"));
        Assert.Equal(record.Num("estimate"), project.NumOrNull("estimate_hours"));
        return project;
    }

    private async Task<JsonElement> ListReports()
    {
        var list = await Call("halopsa_list_reports");
        Assert.Equal(Data.All(SimEntityKind.Report).Select(r => (r.Int("id"), r.Str("name"))), list.Items().Select(i => (i.Int("id"), i.Str("name"))).OrderBy(x => x.Item1));

        var searched = await Call("halopsa_list_reports", ("search", "revenue"));
        Assert.Equal(
            Data.Where(SimEntityKind.Report, r => r.Str("name")!.Contains("revenue", StringComparison.OrdinalIgnoreCase)).Select(r => r.Int("id")),
            searched.Items().Select(i => i.Int("id")).Order());
        return list;
    }

    private async Task<JsonElement> RevenueBreakdown()
    {
        var result = await Call("halopsa_revenue_breakdown", ("client_id", C), ("date_from", "2024-01-01"), ("date_to", "2026-01-01"));

        var truth = Data.RevenueTruth(C, RevenueFrom, RevenueTo);
        var row = Assert.Single(result.Array("clients"));
        Assert.Equal(C, row.Int("client_id"));
        AssertRevenue(truth, row);
        Assert.Equal(truth.RecurringTotal, result.Num("recurring_total"), 2);
        Assert.Equal(truth.NonRecurringTotal, result.Num("non_recurring_total"), 2);
        Assert.Contains("gross", result.Str("method"));
        await AssertProgressPrecedesTheResult();

        // Every client at once: each row equals that client's truth.
        var everyone = await Call("halopsa_revenue_breakdown", ("date_from", "2024-01-01"), ("date_to", "2026-01-01"));
        var rows = everyone.Array("clients");
        Assert.NotEmpty(rows);

        // Both ways of splitting an invoice were used (the simulator leaves invoice_totals off some), and voids were seen.
        Assert.True(everyone.Int("split_from_totals") > 0, "no invoice was split with invoice_totals");
        Assert.True(everyone.Int("split_from_lines") > 0, "no invoice was split by its lines");
        Assert.True(everyone.Int("voided_excluded") > 0, "no voided invoice was left out");
        foreach (var clientRow in rows)
        {
            AssertRevenue(Data.RevenueTruth(clientRow.Int("client_id"), RevenueFrom, RevenueTo), clientRow);
        }

        var withRevenue = Data.All(SimEntityKind.Client).Select(c => c.Int("id"))
            .Where(id => Data.RevenueTruth(id, RevenueFrom, RevenueTo) is { } t && t.RecurringInvoiceCount + t.OneOffInvoiceCount > 0);
        Assert.Equal(withRevenue.Order(), rows.Select(r => r.Int("client_id")).Order());
        return result;
    }

    /// <summary>
    /// Progress is read from the raw SSE stream of one call: McpClient hands each message to its own task and drops the
    /// progress handler when the result arrives, so progress seen through it is racy (mcp-hosting.md, pitfall 6).
    /// </summary>
    private async Task AssertProgressPrecedesTheResult()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, fixture.Host.McpUrl)
        {
            Content = new StringContent(
                new JsonObject
                {
                    ["jsonrpc"] = "2.0",
                    ["id"] = 7,
                    ["method"] = "tools/call",
                    ["params"] = new JsonObject
                    {
                        ["name"] = "halopsa_revenue_breakdown",
                        // Another period than the calls before: a breakdown already computed is answered from the cache, without progress.
                        ["arguments"] = new JsonObject { ["client_id"] = C, ["date_from"] = "2024-02-01", ["date_to"] = "2026-01-01" },
                        ["_meta"] = new JsonObject { ["progressToken"] = "revenue-1" },
                    },
                }.ToJsonString(),
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new("Bearer", EndToEndHost.AlphaKey);
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var messages = (await response.Content.ReadAsStringAsync())
            .Split('\n')
            .Where(line => line.StartsWith("data:", StringComparison.Ordinal))
            .Select(line => JsonDocument.Parse(line["data:".Length..]).RootElement)
            .ToList();

        var progress = messages.TakeWhile(m => !m.TryGetProperty("result", out _))
            .Where(m => m.TryGetProperty("method", out var method) && method.GetString() == "notifications/progress")
            .Select(m => m.GetProperty("params"))
            .ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.Equal("revenue-1", p.GetProperty("progressToken").GetString()));
        var done = progress.Select(p => p.GetProperty("progress").GetDouble()).ToList();
        Assert.Equal(done.Order(), done);
        Assert.Single(messages, m => m.TryGetProperty("result", out _));
        Assert.True(messages[^1].TryGetProperty("result", out _), "the result is the last message of the stream");
    }

    private static void AssertRevenue(SimRevenueTruth truth, JsonElement row)
    {
        var client = row.Int("client_id");
        Assert.True(Math.Abs(truth.RecurringTotal - row.Num("recurring_total")) < 0.011, $"client {client} recurring: truth {truth.RecurringTotal}, tool {row.Num("recurring_total")}");
        Assert.True(Math.Abs(truth.NonRecurringTotal - row.Num("non_recurring_total")) < 0.011, $"client {client} one-off: truth {truth.NonRecurringTotal}, tool {row.Num("non_recurring_total")}");
        Assert.Equal(truth.RecurringInvoiceCount, row.Int("recurring_invoice_count"));
        Assert.Equal(truth.OneOffInvoiceCount, row.Int("one_off_invoice_count"));
        Assert.True(Math.Abs(truth.RecurringMonthlyRunRate - row.Num("recurring_monthly_run_rate")) < 0.011, $"client {client} run-rate: truth {truth.RecurringMonthlyRunRate}, tool {row.Num("recurring_monthly_run_rate")}");
    }
}
