using System.Text.Json;
using System.Text.Json.Nodes;
using HaloMcp.Grains.Tenancy;
using HaloMcp.HaloSim;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using static HaloMcp.Api.Tests.EndToEnd.E2e;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// Issue 12: where the sources disagree on how HaloPSA answers, the simulator offers each reading as a per-instance
/// switch (src/HaloSim/README.md, "Contested behaviours"); the tools whose paths a switch touches answer what the
/// simulator's records say under every reading. Each case reads records no case read before, so the answer comes from
/// the wire, not from a cache.
/// </summary>
public sealed class SimulatorVariantTests(SimulatorVariantTests.Rig host) : IClassFixture<SimulatorVariantTests.Rig>
{
    public static TheoryData<string, string> Readings() => new()
    {
        { nameof(SimBehaviourOptions.ClientSearch), nameof(SimClientSearch.Ignored) },
        { nameof(SimBehaviourOptions.ClientSearch), nameof(SimClientSearch.Honoured) },
        { nameof(SimBehaviourOptions.SingleRecordGet), nameof(SimRecordShape.Bare) },
        { nameof(SimBehaviourOptions.SingleRecordGet), nameof(SimRecordShape.Enveloped) },
        { nameof(SimBehaviourOptions.SingleRecordPost), nameof(SimRecordShape.Bare) },
        { nameof(SimBehaviourOptions.SingleRecordPost), nameof(SimRecordShape.Enveloped) },
        { nameof(SimBehaviourOptions.RecurringInvoiceList), nameof(SimListShape.Envelope) },
        { nameof(SimBehaviourOptions.RecurringInvoiceList), nameof(SimListShape.BareArray) },
        { nameof(SimBehaviourOptions.AgentListWhenPaged), nameof(SimListShape.BareArray) },
        { nameof(SimBehaviourOptions.AgentListWhenPaged), nameof(SimListShape.Envelope) },
        { nameof(SimBehaviourOptions.RecordCountWithoutPaging), nameof(SimRecordCount.Total) },
        { nameof(SimBehaviourOptions.RecordCountWithoutPaging), nameof(SimRecordCount.PageLength) },
    };

    private SimInstance Sim => host.Host.Alpha;

    private SimDataset Data => Sim.Data;

    [Theory]
    [MemberData(nameof(Readings))]
    public async Task The_tools_a_contested_behaviour_touches_answer_the_simulators_records_under_each_reading(string behaviour, string reading)
    {
        var behaviours = Sim.Behaviours;
        var index = host.NextCase();
        try
        {
            switch (behaviour)
            {
                case nameof(SimBehaviourOptions.ClientSearch):
                    behaviours.ClientSearch = Enum.Parse<SimClientSearch>(reading);
                    await ClientSearchAsync(index);
                    break;
                case nameof(SimBehaviourOptions.SingleRecordGet):
                    behaviours.SingleRecordGet = Enum.Parse<SimRecordShape>(reading);
                    await SingleGetsAsync(index);
                    break;
                case nameof(SimBehaviourOptions.SingleRecordPost):
                    behaviours.SingleRecordPost = Enum.Parse<SimRecordShape>(reading);
                    await SingleWritesAsync(index);
                    break;
                case nameof(SimBehaviourOptions.RecurringInvoiceList):
                    behaviours.RecurringInvoiceList = Enum.Parse<SimListShape>(reading);
                    await RecurringInvoicesAsync(index);
                    break;
                case nameof(SimBehaviourOptions.AgentListWhenPaged):
                    behaviours.AgentListWhenPaged = Enum.Parse<SimListShape>(reading);
                    await AgentsAsync();
                    break;
                default:
                    behaviours.RecordCountWithoutPaging = Enum.Parse<SimRecordCount>(reading);
                    await PagedTotalsAsync(index);
                    break;
            }
        }
        finally
        {
            behaviours.ClientSearch = SimClientSearch.Ignored;
            behaviours.SingleRecordGet = SimRecordShape.Bare;
            behaviours.SingleRecordPost = SimRecordShape.Bare;
            behaviours.RecurringInvoiceList = SimListShape.Envelope;
            behaviours.AgentListWhenPaged = SimListShape.BareArray;
            behaviours.RecordCountWithoutPaging = SimRecordCount.Total;
        }
    }

    private Task<JsonElement> Call(string tool, params (string Name, object? Value)[] args) => CallOk(host.Client, tool, Args(args));

    // Whether HaloPSA honours plain search or not, a name search finds exactly the clients whose name holds the text.
    private async Task ClientSearchAsync(int index)
    {
        var client = Data.All(SimEntityKind.Client)[index % Data.Count(SimEntityKind.Client)];
        var word = client.Str("name")!.Split(' ')[0];
        var named = Data.Where(SimEntityKind.Client, c => c.Str("name")!.Contains(word, StringComparison.OrdinalIgnoreCase));

        var listed = await Call("halopsa_list_clients", ("search", word), ("include_inactive", true), ("page_size", 100));
        var found = await Call("halopsa_search", ("entity", "clients"), ("query", word), ("limit", 50));

        Assert.Equal(named.Select(c => c.Int("id")).Order(), listed.Items().Select(i => i.Int("id")).Order());
        var active = named.Where(c => !c.Bool("inactive")).Select(c => c.Int("id")).ToList();
        Assert.Equal(active.Count, found.Int("total"));
        Assert.Subset(active.ToHashSet(), found.Items().Select(h => h.Int("id")).ToHashSet());
    }

    private async Task SingleGetsAsync(int index)
    {
        var ticket = Nth(SimEntityKind.Ticket, index);
        var client = Nth(SimEntityKind.Client, index);
        var site = Nth(SimEntityKind.Site, index);
        var user = Nth(SimEntityKind.User, index);
        var asset = Nth(SimEntityKind.Asset, index);
        var invoice = Nth(SimEntityKind.Invoice, index);
        var contract = Nth(SimEntityKind.Contract, index);

        Assert.Equal(ticket.Str("summary"), (await Call("halopsa_get_ticket", ("ticket_id", ticket.Int("id")))).Str("summary"));
        Assert.Equal(client.Str("name"), (await Call("halopsa_get_client", ("client_id", client.Int("id")))).Str("name"));
        Assert.Equal(site.Str("name"), (await Call("halopsa_get_site", ("site_id", site.Int("id")))).Str("name"));
        Assert.Equal(user.Str("name"), (await Call("halopsa_get_user", ("user_id", user.Int("id")))).Str("name"));
        Assert.Equal(asset.Named("inventory_number"), (await Call("halopsa_get_asset", ("asset_id", asset.Int("id")))).Str("inventory_number"));
        Assert.Equal(invoice.Int("client_id"), (await Call("halopsa_get_invoice", ("invoice_id", invoice.Int("id")))).Int("client_id"));
        Assert.Equal(contract.Int("client_id"), (await Call("halopsa_get_contract", ("contract_id", contract.Int("id")))).Int("client_id"));
    }

    // The answer to a one-element POST is read whether it comes bare or in its envelope.
    private async Task SingleWritesAsync(int index)
    {
        var client = Nth(SimEntityKind.Client, index);
        var summary = $"Variant write {index}";
        var created = await Call("halopsa_create_ticket", ("summary", summary), ("client_id", client.Int("id")));
        Assert.Equal(summary, Data.Get(SimEntityKind.Ticket, created.Int("id"))!.Str("summary"));

        var updated = await Call("halopsa_update_ticket", ("ticket_id", created.Int("id")), ("summary", summary + " (updated)"));
        Assert.Equal(summary + " (updated)", updated.Str("summary"));

        var action = await Call("halopsa_add_ticket_action", ("ticket_id", created.Int("id")), ("note", "Variant note"));
        Assert.Equal("Variant note", Data.Get(SimEntityKind.Action, action.Int("id"))!.Str("note"));

        var shown = await Call("halopsa_get_ticket", ("ticket_id", created.Int("id")));
        Assert.Equal(summary + " (updated)", shown.Str("summary"));
        Assert.Contains(shown.Array("actions"), a => a.Int("id") == action.Int("id"));

        var newClient = await Call("halopsa_create_client", ("name", $"Variant client {index} {Guid.NewGuid():N}"));
        Assert.NotNull(Data.Get(SimEntityKind.Client, newClient.Int("id")));
    }

    private async Task RecurringInvoicesAsync(int index)
    {
        var clientId = Data.All(SimEntityKind.RecurringInvoice).Select(r => r.Int("client_id")).Distinct().Order().ElementAt(index % 5);
        var truth = Data.Where(SimEntityKind.RecurringInvoice, r => r.Int("client_id") == clientId).Select(r => r.Int("id")).Order().ToList();

        var listed = await Call("halopsa_list_recurring_invoices", ("client_id", clientId), ("page_size", 100));
        Assert.Equal(truth, listed.Items().Select(i => i.Int("id")).Order().ToList());

        // The run-rate comes from the same list: it is there whatever its shape (a period no other case asked for).
        var revenue = await Call("halopsa_revenue_breakdown", ("client_id", clientId), ("date_from", $"2024-{1 + index:00}-01"), ("date_to", "2026-01-01"));
        var from = new DateTime(2024, 1 + index, 1, 0, 0, 0, DateTimeKind.Utc);
        var expected = Data.RevenueTruth(clientId, from, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var row = revenue.Array("clients").Single(c => c.Int("client_id") == clientId);
        Assert.Equal(expected.RecurringMonthlyRunRate, row.Num("recurring_monthly_run_rate"), 2);
    }

    private async Task AgentsAsync()
    {
        var truth = Data.Where(SimEntityKind.Agent, a => !a.Bool("isdisabled")).Select(a => a.Int("id")).Order().ToList();

        // Agents are reference data, cached by the tenant: drop them (as a webhook for an agent would), so that this
        // reading's answer is read from the wire.
        await host.Host.App.Services.GetRequiredService<IGrainFactory>().GetGrain<IReferenceCache>("alpha").DropAsync(ReferenceKind.Agents);
        var requests = Sim.Requests.Count("GET", "/api/Agent");
        var agents = await Call("halopsa_list_agents");
        Assert.Equal(requests + 1, Sim.Requests.Count("GET", "/api/Agent"));

        Assert.Equal(truth, agents.Items().Select(a => a.Int("id")).Order().ToList());
    }

    // HaloMcp always pages (pageinate=true), so record_count is the total whatever HaloPSA does without paging.
    private async Task PagedTotalsAsync(int index)
    {
        var clientId = Nth(SimEntityKind.Client, index).Int("id");
        var tickets = Data.Where(SimEntityKind.Ticket, t => t.Int("client_id") == clientId).Count;
        var page = await Call("halopsa_list_tickets", ("client_id", clientId), ("page_size", 2));
        Assert.Equal(tickets, page.Int("total"));
        Assert.Equal(tickets > 2, page.Bool("has_more"));
    }

    private JsonObject Nth(SimEntityKind kind, int index)
    {
        var all = Data.All(kind);
        return all[(((all.Count - 1 - (index * 7)) % all.Count) + all.Count) % all.Count];
    }

    /// <summary>One simulator and server for every reading; each case asks for records no earlier case read.</summary>
    public sealed class Rig : IAsyncLifetime
    {
        private int _cases;

        public EndToEndHost Host { get; private set; } = null!;

        public ModelContextProtocol.Client.McpClient Client { get; private set; } = null!;

        public int NextCase() => Interlocked.Increment(ref _cases);

        public async Task InitializeAsync()
        {
            Host = await EndToEndHost.StartAsync();
            Client = await Host.ConnectAsync(EndToEndHost.AlphaKey);
        }

        public async Task DisposeAsync()
        {
            await Client.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
