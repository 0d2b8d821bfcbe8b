using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

/// <summary>Each filter's wire result must equal the truth computed from the dataset with the documented meaning.</summary>
public sealed class FilterTests(FilterTests.Fixture fixture) : IClassFixture<FilterTests.Fixture>
{
    private readonly SimTestHost _sim = fixture.Sim;
    private readonly string _token = fixture.Token;

    public sealed class Fixture : IAsyncLifetime
    {
        public SimTestHost Sim { get; private set; } = null!;

        public string Token { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Sim = await SimTestHost.StartAsync();
            Token = await Sim.TokenAsync();
        }

        public async Task DisposeAsync() => await Sim.DisposeAsync();
    }

    private SimDataset Data => _sim.Demo.Data;

    private async Task AssertFilter(string path, string query, string key, SimEntityKind kind, Func<JsonObject, bool> truth, bool allowEverything = false)
    {
        var body = await _sim.GetJsonAsync($"api/{path}?count=100000&{query}", _token);
        var wire = (key.Length == 0 ? body.Items() : body.Items(key)).Select(r => r.Field("id")).Order().ToList();
        var expected = Data.Where(kind, truth).Select(r => r.Field("id")).Order().ToList();
        Assert.NotEmpty(expected);
        if (!allowEverything)
        {
            Assert.True(expected.Count < Data.Count(kind), $"filter {query} should exclude something");
        }

        Assert.Equal(expected, wire);
    }

    private static int I(JsonObject r, string f) => r.Field(f);

    /// <summary>The first day of the month <paramref name="months"/> before the month the seeded data ends in.</summary>
    private DateTime MonthsBack(int months) => new DateTime(Data.Anchor.Year, Data.Anchor.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(-months);

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool B(JsonObject r, string f) => r[f]!.GetValue<bool>();

    private static string S(JsonObject r, string f) => r[f]!.GetValue<string>();

    private JsonObject FirstTicket => _firstTicket ??= Data.All(SimEntityKind.Ticket).First(t => I(t, "agent_id") > 0 && I(t, "user_id") > 0);

    private JsonObject? _firstTicket;

    [Fact]
    public Task Tickets_by_client() => AssertFilter("Tickets", $"client_id={I(FirstTicket, "client_id")}", "tickets", SimEntityKind.Ticket, t => I(t, "client_id") == I(FirstTicket, "client_id"));

    [Fact]
    public Task Tickets_by_site() => AssertFilter("Tickets", $"site_id={I(FirstTicket, "site_id")}", "tickets", SimEntityKind.Ticket, t => I(t, "site_id") == I(FirstTicket, "site_id"));

    [Fact]
    public Task Tickets_by_user() => AssertFilter("Tickets", $"user_id={I(FirstTicket, "user_id")}", "tickets", SimEntityKind.Ticket, t => I(t, "user_id") == I(FirstTicket, "user_id"));

    [Fact]
    public Task Tickets_by_agent() => AssertFilter("Tickets", "agent_id=2", "tickets", SimEntityKind.Ticket, t => I(t, "agent_id") == 2);

    [Fact]
    public Task Tickets_by_team_csv() => AssertFilter("Tickets", "team=1,3", "tickets", SimEntityKind.Ticket, t => I(t, "team_id") is 1 or 3);

    [Fact]
    public Task Tickets_by_team_id() => AssertFilter("Tickets", "team_id=2", "tickets", SimEntityKind.Ticket, t => I(t, "team_id") == 2);

    [Fact]
    public Task Tickets_by_status_id() => AssertFilter("Tickets", "status_id=2", "tickets", SimEntityKind.Ticket, t => I(t, "status_id") == 2);

    [Fact]
    public Task Tickets_by_status_csv() => AssertFilter("Tickets", "status=1,2,3", "tickets", SimEntityKind.Ticket, t => I(t, "status_id") is 1 or 2 or 3);

    [Theory]
    [InlineData("requesttype")]
    [InlineData("requesttype_id")]
    [InlineData("tickettype_id")]
    public Task Tickets_by_ticket_type(string param) => AssertFilter("Tickets", $"{param}=2", "tickets", SimEntityKind.Ticket, t => I(t, "tickettype_id") == 2);

    [Fact]
    public Task Tickets_by_priority_csv() => AssertFilter("Tickets", "priority=1,2", "tickets", SimEntityKind.Ticket, t => I(t, "priority_id") is 1 or 2);

    [Fact]
    public Task Tickets_open_only_excludes_closed_and_cancelled() => AssertFilter("Tickets", "open_only=true", "tickets", SimEntityKind.Ticket, t => I(t, "status_id") is not (8 or 9));

    [Fact]
    public Task Tickets_closed_only() => AssertFilter("Tickets", "closed_only=true", "tickets", SimEntityKind.Ticket, t => I(t, "status_id") is 8 or 9);

    [Fact]
    public Task Tickets_search_is_case_insensitive_contains_on_summary_and_details() =>
        AssertFilter("Tickets", "search=PRINTER", "tickets", SimEntityKind.Ticket,
            t => S(t, "summary").Contains("printer", StringComparison.OrdinalIgnoreCase) || S(t, "details").Contains("printer", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public Task Tickets_datesearch_dateoccured_range()
    {
        var (from, to) = (MonthsBack(12), MonthsBack(6));
        return AssertFilter("Tickets", $"datesearch=dateoccured&startdate={Day(from)}T00:00:00&enddate={Day(to.AddDays(-1))}", "tickets", SimEntityKind.Ticket,
            t => string.CompareOrdinal(S(t, "dateoccurred"), Day(from)) >= 0 && string.CompareOrdinal(S(t, "dateoccurred"), Day(to)) < 0);
    }

    [Fact]
    public Task Tickets_datesearch_datecleared_skips_unset_dates() =>
        AssertFilter("Tickets", $"datesearch=datecleared&startdate={Day(MonthsBack(18))}", "tickets", SimEntityKind.Ticket,
            t => string.CompareOrdinal(S(t, "dateclosed"), Day(MonthsBack(18))) >= 0);

    [Fact]
    public Task Tickets_datesearch_lastactiondate() =>
        AssertFilter("Tickets", $"datesearch=lastactiondate&enddate={Day(MonthsBack(12).AddDays(-1))}", "tickets", SimEntityKind.Ticket,
            t => string.CompareOrdinal(S(t, "lastactiondate"), Day(MonthsBack(12))) < 0 && !S(t, "lastactiondate").StartsWith("1900", StringComparison.Ordinal));

    [Fact]
    public Task Tickets_unknown_parameters_are_ignored() => AssertFilter("Tickets", "frobnicate=1&client=7", "tickets", SimEntityKind.Ticket, _ => true, allowEverything: true);

    [Fact]
    public Task Actions_by_ticket() => AssertFilter("Actions", $"ticket_id={I(FirstTicket, "id")}", "actions", SimEntityKind.Action, a => I(a, "ticket_id") == I(FirstTicket, "id"));

    [Fact]
    public Task Actions_agentonly() => AssertFilter("Actions", "agentonly=true", "actions", SimEntityKind.Action, a => I(a, "who_agentid") > 0);

    [Fact]
    public Task Actions_excludesys() => AssertFilter("Actions", "excludesys=true", "actions", SimEntityKind.Action, a => I(a, "action_systemid") == 0);

    [Fact]
    public Task Actions_date_range()
    {
        var (from, to) = (MonthsBack(10), MonthsBack(9));
        return AssertFilter("Actions", $"startdate={Day(from)}&enddate={Day(to.AddDays(-1))}", "actions", SimEntityKind.Action,
            a => string.CompareOrdinal(S(a, "datetime"), Day(from)) >= 0 && string.CompareOrdinal(S(a, "datetime"), Day(to)) < 0);
    }

    [Fact]
    public async Task Actions_count_limits_and_envelope_echoes_ticket_id()
    {
        var id = I(FirstTicket, "id");
        var body = await _sim.GetJsonAsync($"api/Actions?ticket_id={id}&count=2", _token);
        Assert.Equal(id, body.Int("ticket_id"));
        Assert.Equal(2, body.Items("actions").Count);
        Assert.Equal(Data.Where(SimEntityKind.Action, a => I(a, "ticket_id") == id).Count, body.Int("record_count"));
    }

    [Fact]
    public Task Sites_by_client() => AssertFilter("Site", "client_id=3", "sites", SimEntityKind.Site, s => I(s, "client_id") == 3 && !B(s, "inactive"));

    [Fact]
    public Task Sites_includeinactive() => AssertFilter("Site", "includeinactive=true", "sites", SimEntityKind.Site, _ => true, allowEverything: true);

    [Fact]
    public Task Users_by_site() => AssertFilter("Users", $"site_id={I(FirstTicket, "site_id")}&includeinactive=true", "users", SimEntityKind.User, u => I(u, "site_id_int") == I(FirstTicket, "site_id"));

    [Fact]
    public Task Users_by_client_and_search() =>
        AssertFilter("Users", "client_id=2&search=a", "users", SimEntityKind.User,
            u => I(u, "client_id") == 2 && !B(u, "inactive") && (S(u, "name").Contains('a', StringComparison.OrdinalIgnoreCase) || S(u, "emailaddress").Contains('a', StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public Task Users_onlyusers_excludes_agents_and_service_accounts() =>
        AssertFilter("Users", "onlyusers=true&includeinactive=true", "users", SimEntityKind.User, u => I(u, "linked_agent_id") == 0 && !B(u, "isserviceaccount"));

    [Fact]
    public async Task Users_exclude_inactive_by_default()
    {
        var (status, _) = await _sim.PostJsonAsync("api/Users", "[{\"id\":3,\"inactive\":true}]", _token);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        await AssertFilter("Users", "", "users", SimEntityKind.User, u => !B(u, "inactive"));
    }

    [Fact]
    public Task Clients_plain_search_is_ignored() => AssertFilter("Client", "search=Contoso", "clients", SimEntityKind.Client, c => !B(c, "inactive"), allowEverything: true);

    [Fact]
    public Task Clients_advanced_search_contains_on_name() =>
        AssertFilter("Client", "advanced_search=" + Uri.EscapeDataString("[{\"filter_name\":\"name\",\"filter_type\":4,\"filter_value\":\"contoso\"}]"), "clients", SimEntityKind.Client,
            c => !B(c, "inactive") && S(c, "name").Contains("contoso", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public Task Clients_search_name_only_filters_by_name() =>
        AssertFilter("Client", "search_name_only=true&search=north", "clients", SimEntityKind.Client,
            c => !B(c, "inactive") && S(c, "name").Contains("north", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public Task Clients_includeinactive() => AssertFilter("Client", "includeinactive=true", "clients", SimEntityKind.Client, _ => true, allowEverything: true);

    [Fact]
    public Task Assets_by_client_site_and_type()
    {
        var asset = Data.All(SimEntityKind.Asset).First(a => !B(a, "inactive"));
        return AssertFilter("Asset", $"client_id={I(asset, "client_id")}&assettype_id={I(asset, "assettype_id")}", "assets", SimEntityKind.Asset,
            a => I(a, "client_id") == I(asset, "client_id") && I(a, "assettype_id") == I(asset, "assettype_id") && !B(a, "inactive"));
    }

    [Fact]
    public Task Tickets_by_asset()
    {
        static bool Concerns(JsonObject ticket, int assetId) =>
            ticket["assets"] is JsonArray linked && linked.OfType<JsonObject>().Any(a => I(a, "id") == assetId);
        var linked = Data.All(SimEntityKind.Ticket).First(t => t["assets"] is JsonArray { Count: > 0 });
        var assetId = I(linked["assets"]![0]!.AsObject(), "id");
        return AssertFilter("Tickets", $"asset_id={assetId}", "tickets", SimEntityKind.Ticket, t => Concerns(t, assetId));
    }

    [Fact]
    public Task Assets_by_site()
    {
        var site = I(Data.All(SimEntityKind.Asset)[0], "site_id");
        return AssertFilter("Asset", $"site_id={site}&includeinactive=true", "assets", SimEntityKind.Asset, a => I(a, "site_id") == site);
    }

    [Fact]
    public Task Assets_search() =>
        AssertFilter("Asset", "search=lap&includeinactive=true", "assets", SimEntityKind.Asset,
            a => new[] { "inventory_number", "key_field", "key_field2", "key_field3" }.Any(f => S(a, f).Contains("lap", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public Task Contracts_by_client_active_by_default()
    {
        var client = I(Data.All(SimEntityKind.Contract).First(c => B(c, "active")), "client_id");
        return AssertFilter("ClientContract", $"client_id={client}", "contracts", SimEntityKind.Contract, c => I(c, "client_id") == client && B(c, "active"));
    }

    [Fact]
    public Task Invoices_by_client() => AssertFilter("Invoice", "client_id=4", "invoices", SimEntityKind.Invoice, i => I(i, "client_id") == 4);

    [Fact]
    public Task Invoices_postedonly() => AssertFilter("Invoice", "postedonly=true", "invoices", SimEntityKind.Invoice, i => B(i, "posted"));

    [Fact]
    public Task Invoices_paymentstatuses() => AssertFilter("Invoice", "paymentstatuses=0,1", "invoices", SimEntityKind.Invoice, i => I(i, "paymentstatus") is 0 or 1);

    [Fact]
    public Task Invoices_date_range()
    {
        var (from, to) = (MonthsBack(12), MonthsBack(6));
        return AssertFilter("Invoice", $"invoicedatestart={Day(from)}&invoicedateend={Day(to.AddDays(-1))}", "invoices", SimEntityKind.Invoice,
            i => string.CompareOrdinal(S(i, "invoice_date"), Day(from)) >= 0 && string.CompareOrdinal(S(i, "invoice_date"), Day(to)) < 0);
    }

    [Fact]
    public Task Invoices_by_recurring_schedule()
    {
        var schedule = I(Data.All(SimEntityKind.Invoice).First(i => I(i, "recurring_invoice_id") > 0), "recurring_invoice_id");
        return AssertFilter("Invoice", $"recurringinvoice_id={schedule}", "invoices", SimEntityKind.Invoice, i => I(i, "recurring_invoice_id") == schedule);
    }

    [Fact]
    public Task Recurring_invoices_by_client()
    {
        var client = I(Data.All(SimEntityKind.RecurringInvoice)[0], "client_id");
        return AssertFilter("RecurringInvoice", $"client_id={client}", "invoices", SimEntityKind.RecurringInvoice, r => I(r, "client_id") == client);
    }

    [Fact]
    public Task Agents_exclude_disabled_by_default() => AssertFilter("Agent", "", "", SimEntityKind.Agent, a => !B(a, "isdisabled"));

    [Fact]
    public Task Agents_includedisabled() => AssertFilter("Agent", "includedisabled=true", "", SimEntityKind.Agent, _ => true, allowEverything: true);

    [Theory]
    [InlineData("team_id=2")]
    [InlineData("team=2")]
    [InlineData("team=2nd%20Line%20Support")]
    public Task Agents_by_team(string query) => AssertFilter("Agent", query, "", SimEntityKind.Agent, a => I(a, "team_id") == 2 && !B(a, "isdisabled"));

    [Fact]
    public Task Agents_search() => AssertFilter("Agent", "search=sam", "", SimEntityKind.Agent, a => !B(a, "isdisabled") && (S(a, "name").Contains("sam", StringComparison.OrdinalIgnoreCase) || S(a, "email").Contains("sam", StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public Task Projects_open_only() => AssertFilter("Projects", "open_only=true", "tickets", SimEntityKind.Project, p => I(p, "status_id") is not (8 or 9));

    [Fact]
    public Task Projects_by_client()
    {
        var client = I(Data.All(SimEntityKind.Project)[0], "client_id");
        return AssertFilter("Projects", $"client_id={client}", "tickets", SimEntityKind.Project, p => I(p, "client_id") == client);
    }

    [Fact]
    public Task Reports_search() => AssertFilter("Report", "search=revenue", "reports", SimEntityKind.Report, r => S(r, "name").Contains("revenue", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public Task Sites_search() => AssertFilter("Site", "search=head", "sites", SimEntityKind.Site, x => !B(x, "inactive") && S(x, "name").Contains("head", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public Task Projects_search()
    {
        var term = S(Data.All(SimEntityKind.Project)[0], "summary")["Project: ".Length..];
        return AssertFilter("Projects", $"search={Uri.EscapeDataString(term)}", "tickets", SimEntityKind.Project,
            p => S(p, "summary").Contains(term, StringComparison.OrdinalIgnoreCase) || S(p, "details").Contains(term, StringComparison.OrdinalIgnoreCase),
            allowEverything: true);
    }

    [Fact]
    public Task Contracts_includeinactive() => AssertFilter("ClientContract", "includeinactive=true", "contracts", SimEntityKind.Contract, _ => true, allowEverything: true);

    [Fact]
    public Task Invoices_by_site()
    {
        var site = I(Data.All(SimEntityKind.Invoice)[0], "sitenumber");
        return AssertFilter("Invoice", $"site_id={site}", "invoices", SimEntityKind.Invoice, i => I(i, "sitenumber") == site);
    }
}
