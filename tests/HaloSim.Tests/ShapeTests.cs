using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaloMcp.HaloSim.Tests;

public sealed partial class ShapeTests
{
    [Theory]
    [InlineData("Tickets", "tickets")]
    [InlineData("Actions", "actions")]
    [InlineData("Client", "clients")]
    [InlineData("Site", "sites")]
    [InlineData("Users", "users")]
    [InlineData("Asset", "assets")]
    [InlineData("ClientContract", "contracts")]
    [InlineData("Invoice", "invoices")]
    [InlineData("RecurringInvoice", "invoices")]
    [InlineData("Projects", "tickets")]
    [InlineData("Report", "reports")]
    public async Task Lists_use_halopsa_envelope_keys_with_record_count(string path, string key)
    {
        await using var sim = await SimTestHost.StartAsync();
        var body = await sim.GetJsonAsync($"api/{path}");
        var envelope = Assert.IsType<JsonObject>(body);
        Assert.True(envelope.ContainsKey("record_count"), path);
        Assert.NotEmpty(envelope.Items(key));
    }

    [Theory]
    [InlineData("Agent")]
    [InlineData("Team")]
    [InlineData("Status")]
    [InlineData("TicketType")]
    [InlineData("Priority")]
    [InlineData("Outcome")]
    [InlineData("AssetType")]
    public async Task Reference_lists_are_bare_arrays(string path)
    {
        await using var sim = await SimTestHost.StartAsync();
        var body = await sim.GetJsonAsync($"api/{path}");
        Assert.NotEmpty(Assert.IsType<JsonArray>(body));
    }

    [Fact]
    public async Task Statuses_include_the_conventional_ids()
    {
        await using var sim = await SimTestHost.StartAsync();
        var statuses = (await sim.GetJsonAsync("api/Status")).Items().ToDictionary(s => s.Field("id"), s => s.Str("name"));
        Assert.Equal("New", statuses[1]);
        Assert.Equal("In Progress", statuses[2]);
        Assert.Equal("Cancelled", statuses[8]);
        Assert.Equal("Closed", statuses[9]);
    }

    [Fact]
    public async Task Priorities_are_per_sla_rows_with_guid_id_and_int_priorityid()
    {
        await using var sim = await SimTestHost.StartAsync();
        var rows = (await sim.GetJsonAsync("api/Priority")).Items();
        Assert.Equal(2, rows.Select(r => r.Field("slaid")).Distinct().Count());
        foreach (var row in rows)
        {
            Assert.True(Guid.TryParse(row.Str("id"), out _));
            Assert.InRange(row.Field("priorityid"), 1, 4);
        }

        var one = await sim.GetJsonAsync($"api/Priority/{rows[0].Str("id")}");
        Assert.Equal(rows[0].Str("name"), one.Str("name"));
    }

    [Fact]
    public async Task Outcomes_have_toutcome_fields_and_the_usual_names()
    {
        await using var sim = await SimTestHost.StartAsync();
        var outcomes = (await sim.GetJsonAsync("api/Outcome")).Items();
        var names = outcomes.Select(o => o.Str("outcome")).ToList();
        Assert.Contains("Private Note", names);
        Assert.Contains("Phone Call", names);
        Assert.Contains("Email", names);
        Assert.All(outcomes, o => Assert.True(o.ContainsKey("buttonname") && o.ContainsKey("hidefromuser") && o.ContainsKey("systemid")));
    }

    [Theory]
    [InlineData("Tickets", "tickets", 60)]
    [InlineData("Client", "clients", 25)]
    [InlineData("Site", "sites", 25)]
    [InlineData("Users", "users", 25)]
    [InlineData("Asset", "assets", 25)]
    [InlineData("Invoice", "invoices", 25)]
    public async Task Records_are_wide_and_get_by_id_returns_the_bare_record(string path, string key, int minFields)
    {
        await using var sim = await SimTestHost.StartAsync();
        var first = (await sim.GetJsonAsync($"api/{path}?count=1")).Items(key)[0];
        Assert.True(first.Count >= minFields, $"{path} has {first.Count} fields");
        Assert.Equal("id", first.First().Key);
        var one = Assert.IsType<JsonObject>(await sim.GetJsonAsync($"api/{path}/{first.Field("id")}"));
        Assert.Equal(first.Field("id"), one.Field("id"));
    }

    [Fact]
    public async Task Ticket_records_carry_array_noise_and_halopsa_dates()
    {
        await using var sim = await SimTestHost.StartAsync();
        var tickets = (await sim.GetJsonAsync("api/Tickets?count=100")).Items("tickets");
        Assert.All(tickets, t => Assert.True(t["customfields"]!.AsArray().Count >= 3));
        Assert.All(tickets, t => Assert.Matches(DateWithMillis(), t.Str("dateoccurred")));
        Assert.Contains(tickets, t => t.Str("dateclosed") == "1900-01-01T00:00:00");
        Assert.All(tickets, t => Assert.IsType<string>(t.Str("team")));
        Assert.All(tickets, t => Assert.True(t.ContainsKey("team_id")));
    }

    [Fact]
    public async Task Unknown_id_is_404_and_unknown_resource_is_404()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        using var missing = await sim.SendAsync(HttpMethod.Get, "api/Tickets/987654", token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var resource = await sim.SendAsync(HttpMethod.Get, "api/NoSuchThing", token);
        Assert.Equal(HttpStatusCode.NotFound, resource.StatusCode);
    }

    [Fact]
    public async Task Projects_are_tickets_too()
    {
        await using var sim = await SimTestHost.StartAsync();
        var project = sim.Demo.Data.All(SimEntityKind.Project)[0];
        Assert.DoesNotContain(sim.Demo.Data.All(SimEntityKind.Ticket), t => t.Field("id") == project.Field("id"));
        var viaTickets = await sim.GetJsonAsync($"api/Tickets/{project.Field("id")}");
        Assert.True(viaTickets.Bool("is_project"));
        Assert.Equal(project.Str("summary"), viaTickets.Str("summary"));
    }

    [Fact]
    public async Task Get_action_by_id_requires_ticket_id()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var action = sim.Demo.Data.All(SimEntityKind.Action)[0];
        using (var without = await sim.SendAsync(HttpMethod.Get, $"api/Actions/{action.Field("id")}", token))
        {
            Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
            Assert.Equal("System.Exception", JsonNode.Parse(await without.Content.ReadAsStringAsync()).Str("ClassName"));
        }

        var with = await sim.GetJsonAsync($"api/Actions/{action.Field("id")}?ticket_id={action.Field("ticket_id")}", token);
        Assert.Equal(action.Str("note"), with.Str("note"));
        using var wrongTicket = await sim.SendAsync(HttpMethod.Get, $"api/Actions/{action.Field("id")}?ticket_id={action.Field("ticket_id") + 1}", token);
        Assert.Equal(HttpStatusCode.NotFound, wrongTicket.StatusCode);
    }

    [Fact]
    public async Task Invoice_lines_only_with_includelines_or_includedetails()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var plain = (await sim.GetJsonAsync("api/Invoice?count=5", token)).Items("invoices");
        Assert.All(plain, i => Assert.False(i.ContainsKey("lines")));
        var lined = (await sim.GetJsonAsync("api/Invoice?count=5&includelines=true", token)).Items("invoices");
        Assert.All(lined, i => Assert.NotEmpty(i["lines"]!.AsArray()));
        var id = plain[0].Field("id");
        Assert.False((await sim.GetJsonAsync($"api/Invoice/{id}", token)).AsObject().ContainsKey("lines"));
        Assert.NotEmpty((await sim.GetJsonAsync($"api/Invoice/{id}?includedetails=true", token))["lines"]!.AsArray());
        var recurring = (await sim.GetJsonAsync("api/RecurringInvoice?includelines=true", token)).Items("invoices");
        Assert.All(recurring, r => Assert.True(r.Bool("is_recurring_invoice")));
        Assert.All(recurring, r => Assert.All(r["lines"]!.AsArray(), l => Assert.True(l.Bool("item_recurring"))));
    }

    [Fact]
    public async Task Report_sql_answers_the_documented_shape_without_storing_a_report()
    {
        await using var sim = await SimTestHost.StartAsync();
        var reports = sim.Demo.Data.Count(SimEntityKind.Report);
        var (status, body) = await sim.PostJsonAsync("api/Report", "[{\"id\":0,\"sql\":\"SELECT aareadesc FROM area\",\"_loadreportonly\":true}]");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("SELECT aareadesc FROM area", body.Str("sql"));
        Assert.IsType<JsonArray>(body!["report"]!["rows"]);
        Assert.True(body["report"]!.AsObject().ContainsKey("load_error"));
        Assert.Equal(reports, sim.Demo.Data.Count(SimEntityKind.Report));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$")]
    private static partial Regex DateWithMillis();
}
