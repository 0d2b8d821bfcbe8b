using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;

namespace HaloMcp.HaloSim.Tests;

/// <summary>Each contested behaviour answers both readings, switched per instance in options or at run time.</summary>
public sealed class BehaviourTests
{
    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SwitchAsync(SimTestHost sim, string instance, string json)
    {
        using var response = await sim.Http.PostAsync($"_sim/behaviours/{instance}", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Plain_client_search_is_ignored_by_default_and_filters_by_name_when_honoured()
    {
        await using var sim = await SimTestHost.StartAsync(
            SimTestHost.Instance("demo"), SimTestHost.Instance("acme", configure: o => o.Behaviours.ClientSearch = SimClientSearch.Honoured));
        var active = sim.Demo.Data.Where(SimEntityKind.Client, c => !c.Bool("inactive")).Select(c => c.Field("id")).Order().ToList();
        var named = sim.Demo.Data.Where(SimEntityKind.Client, c => !c.Bool("inactive") && c.Str("name").Contains("north", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.Field("id")).Order().ToList();
        Assert.NotEmpty(named);
        Assert.True(named.Count < active.Count);

        List<int> Ids(JsonNode body) => body.Items("clients").Select(c => c.Field("id")).Order().ToList();
        Assert.Equal(active, Ids(await sim.GetJsonAsync("demo/api/Client?search=North&count=1000", await sim.TokenAsync("demo"))));
        Assert.Equal(named, Ids(await sim.GetJsonAsync("acme/api/Client?search=North&count=1000", await sim.TokenAsync("acme"))));

        // Switched at run time, the same request changes its answer.
        var (status, now) = await SwitchAsync(sim, "demo", """{"client_search":"honoured"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("honoured", now.Str("client_search"));
        Assert.Equal(SimClientSearch.Honoured, sim.Demo.Behaviours.ClientSearch);
        Assert.Equal(named, Ids(await sim.GetJsonAsync("demo/api/Client?search=North&count=1000", await sim.TokenAsync("demo"))));
    }

    [Fact]
    public async Task A_bad_switch_request_is_refused_whole_and_changes_nothing()
    {
        await using var sim = await SimTestHost.StartAsync();
        var (unknown, body) = await SwitchAsync(sim, "demo", """{"client_search":"honoured","frobnicate":"yes"}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("frobnicate", body.Str("error_description"), StringComparison.Ordinal);
        var (badValue, valueBody) = await SwitchAsync(sim, "demo", """{"client_search":"honoured","single_record_get":"sometimes"}""");
        Assert.Equal(HttpStatusCode.BadRequest, badValue);
        Assert.Contains("bare, enveloped", valueBody.Str("error_description"), StringComparison.Ordinal);
        Assert.Equal(SimClientSearch.Ignored, sim.Demo.Behaviours.ClientSearch);
        var (notObject, _) = await SwitchAsync(sim, "demo", "[1]");
        Assert.Equal(HttpStatusCode.BadRequest, notObject);

        using var get = await sim.Http.GetAsync("_sim/behaviours/demo");
        var current = JsonNode.Parse(await get.Content.ReadAsStringAsync())!;
        Assert.Equal("ignored", current.Str("client_search"));
        Assert.Equal("bare", current.Str("single_record_get"));
        Assert.Equal("envelope", current.Str("recurring_invoice_list"));
        Assert.Equal("bare_array", current.Str("agent_list_when_paged"));
        Assert.Equal("total", current.Str("record_count_without_paging"));
    }

    [Fact]
    public async Task Single_records_come_bare_or_in_their_collection_key()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var bare = await sim.GetJsonAsync("api/Tickets/5", token);
        Assert.Equal(5, bare.Int("id"));

        sim.Demo.Behaviours.SingleRecordGet = SimRecordShape.Enveloped;
        var enveloped = await sim.GetJsonAsync("api/Tickets/5", token);
        Assert.Equal(bare.ToJsonString(), Assert.Single(enveloped.Items("tickets")).ToJsonString());
        var action = sim.Demo.Data.All(SimEntityKind.Action)[0];
        Assert.Single((await sim.GetJsonAsync($"api/Actions/{action.Field("id")}?ticket_id={action.Field("ticket_id")}", token)).Items("actions"));
        // A collection listed as a bare array has no key to wrap in.
        Assert.Equal(1, (await sim.GetJsonAsync("api/Status/1", token)).Int("id"));

        var (status, posted) = await sim.PostJsonAsync("api/Client", """[{"name":"Bare Ltd"}]""", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Bare Ltd", posted.Str("name"));
        sim.Demo.Behaviours.SingleRecordPost = SimRecordShape.Enveloped;
        var (_, wrapped) = await sim.PostJsonAsync("api/Client", """[{"name":"Wrapped Ltd"}]""", token);
        Assert.Equal("Wrapped Ltd", Assert.Single(wrapped!.Items("clients")).Str("name"));
        var (_, two) = await sim.PostJsonAsync("api/Client", """[{"name":"One Ltd"},{"name":"Two Ltd"}]""", token);
        Assert.Equal(2, two!.Items("clients").Count);
    }

    [Fact]
    public async Task Recurring_invoices_can_come_as_a_bare_list_of_the_same_rows()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var enveloped = (await sim.GetJsonAsync("api/RecurringInvoice?pageinate=true&page_size=5&page_no=2", token)).Items("invoices");
        sim.Demo.Behaviours.RecurringInvoiceList = SimListShape.BareArray;
        var bare = await sim.GetJsonAsync("api/RecurringInvoice?pageinate=true&page_size=5&page_no=2", token);
        Assert.Equal(enveloped.Select(r => r.ToJsonString()), Assert.IsType<JsonArray>(bare).Items().Select(r => r.ToJsonString()));
        Assert.Equal(5, bare.AsArray().Count);
    }

    [Fact]
    public async Task Agents_ignore_paging_or_page_in_an_agents_envelope()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance(configure: o => o.Behaviours.AgentListWhenPaged = SimListShape.Envelope));
        var token = await sim.TokenAsync();
        var enabled = sim.Demo.Data.Where(SimEntityKind.Agent, a => !a.Bool("isdisabled")).Select(a => a.Field("id")).ToList();
        var page = await sim.GetJsonAsync("api/Agent?pageinate=true&page_size=2&page_no=2", token);
        Assert.Equal(enabled.Count, page.Int("record_count"));
        Assert.Equal((2, 2), (page.Int("page_no"), page.Int("page_size")));
        Assert.Equal(enabled.Skip(2).Take(2), page.Items("agents").Select(a => a.Field("id")));
        Assert.Equal(enabled, Assert.IsType<JsonArray>(await sim.GetJsonAsync("api/Agent", token)).Items().Select(a => a.Field("id")));

        sim.Demo.Behaviours.AgentListWhenPaged = SimListShape.BareArray;
        Assert.Equal(enabled, Assert.IsType<JsonArray>(await sim.GetJsonAsync("api/Agent?pageinate=true&page_size=2", token)).Items().Select(a => a.Field("id")));
    }

    [Fact]
    public async Task Record_count_without_paging_is_the_total_or_the_rows_returned()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        var total = sim.Demo.Data.Count(SimEntityKind.Ticket);
        Assert.Equal(total, (await sim.GetJsonAsync("api/Tickets?count=7", token)).Int("record_count"));
        sim.Demo.Behaviours.RecordCountWithoutPaging = SimRecordCount.PageLength;
        var unpaged = await sim.GetJsonAsync("api/Tickets?count=7", token);
        Assert.Equal((7, 7), (unpaged.Int("record_count"), unpaged.Items("tickets").Count));
        Assert.Equal(total, (await sim.GetJsonAsync("api/Tickets?pageinate=true&page_size=7", token)).Int("record_count"));
    }

    [Fact]
    public async Task Switches_bind_from_configuration()
    {
        await using var host = await HaloSimHost.StartFromConfigurationAsync(
        [
            "--HaloSim:Instances:0:Name=alpha", "--HaloSim:Instances:0:Behaviours:ClientSearch=Honoured",
            "--HaloSim:Instances:0:Behaviours:RecurringInvoiceList=BareArray", "--HaloSim:Instances:0:Sizes:Tickets=3",
        ]);
        var alpha = host.Instance("alpha");
        Assert.Equal((SimClientSearch.Honoured, SimListShape.BareArray, SimRecordShape.Bare),
            (alpha.Behaviours.ClientSearch, alpha.Behaviours.RecurringInvoiceList, alpha.Behaviours.SingleRecordGet));
    }
}
