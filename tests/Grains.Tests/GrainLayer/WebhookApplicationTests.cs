using System.Text;
using System.Text.Json.Nodes;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Webhooks;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Webhooks;
using HaloMcp.TestSupport;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 12: the tenant's webhook grain applies HaloPSA's deliveries to the caches at once, without asking HaloPSA. The
/// deliveries are the simulator's own, formed by its webhook profile for changes made in its UI (its receiver URL
/// answers nothing, so each body is taken from its Deliveries log and handed to the grain as the Api would); a
/// delivery that is not handed over is a lost one.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class WebhookApplicationTests
{
    [Fact]
    public async Task A_change_made_in_the_UI_replaces_the_cached_ticket_once_delivered_and_costs_no_request()
    {
        await using var rig = await StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[2];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await ticket.GetAsync(true, default);
        var requests = rig.Instance("acme").Requests.Entries.Count;

        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Renamed in the UI", ["priority_id"] = 1 });
        var receipt = await ApplyNewAsync(rig);
        var shown = await ticket.GetAsync(true, default);

        Assert.Equal(1, receipt.Applied);
        Assert.Equal("Renamed in the UI", shown.Summary);
        Assert.Equal(1, shown.PriorityId);
        Assert.True(shown.FromCache);
        Assert.Equal(requests, rig.Instance("acme").Requests.Entries.Count);
    }

    [Fact]
    public async Task An_action_added_in_the_UI_joins_the_cached_actions_and_brings_the_ticket_as_HaloPSA_changed_it()
    {
        await using var rig = await StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[6];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        var before = await ticket.GetAsync(true, default);
        var requests = sim.Requests.Entries.Count;

        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        var action = await ui.AddActionAsync(ticketId, new JsonObject { ["outcome"] = "Private Note", ["note"] = "Phoned the user from the UI", ["timetaken"] = 0.5 });
        await ApplyNewAsync(rig);
        var shown = await ticket.GetAsync(true, default);

        Assert.Equal(Id(action), shown.Actions![0].Id);
        Assert.Equal("Phoned the user from the UI", shown.Actions[0].Note);
        Assert.Equal(before.ActionsTotal + 1, shown.ActionsTotal);
        Assert.Equal(before.TimeTakenHours + 0.5, shown.TimeTakenHours, 3);
        Assert.Equal(requests, sim.Requests.Entries.Count);
    }

    [Fact]
    public async Task A_batch_applies_every_occurrence_in_order()
    {
        await using var rig = await StartAsync(batching: SimWebhookBatching.AnyEvent);
        var ids = TicketIds(rig.Instance("acme"));
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        foreach (var id in ids.Take(2))
        {
            await rig.Grains.GetGrain<ITicketGrain>(id, "acme").GetAsync(false, default);
        }

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ids[0], new JsonObject { ["summary"] = "First, then" });
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ids[0], new JsonObject { ["summary"] = "First, finally" });
        await ui.EditTicketAsync(ids[1], new JsonObject { ["summary"] = "Second" });
        Assert.Empty(rig.Instance("acme").Webhooks.Deliveries);

        // The batch goes after its delay: one delivery, an array of the three occurrences.
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var receipt = await ApplyNewAsync(rig);

        Assert.Equal(3, receipt.Occurrences);
        Assert.Equal("First, finally", (await rig.Grains.GetGrain<ITicketGrain>(ids[0], "acme").GetAsync(false, default)).Summary);
        Assert.Equal("Second", (await rig.Grains.GetGrain<ITicketGrain>(ids[1], "acme").GetAsync(false, default)).Summary);
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Tickets/{ids[0]}"));
    }

    [Fact]
    public async Task A_delivery_that_arrives_after_a_newer_one_leaves_the_newer_copy_in_place()
    {
        await using var rig = await StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[8];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await ticket.GetAsync(false, default);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Older" });
        var older = Bodies(rig);
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Newer" });
        var newer = Bodies(rig).Skip(older.Count).ToList();

        var webhooks = rig.Grains.GetGrain<IWebhookGrain>("acme");
        await webhooks.ApplyAsync(new WebhookDelivery(newer.Single()), default);
        var late = await webhooks.ApplyAsync(new WebhookDelivery(older.Single()), default);

        Assert.Equal(0, late.Applied);
        Assert.Equal("Newer", (await ticket.GetAsync(false, default)).Summary);
    }

    [Fact]
    public async Task A_malformed_delivery_is_refused_whole_and_changes_nothing()
    {
        await using var rig = await StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[9];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await ticket.GetAsync(false, default);
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Would have been applied" });
        var good = JsonNode.Parse(Bodies(rig).Single())!;
        var webhooks = rig.Grains.GetGrain<IWebhookGrain>("acme");

        // A valid occurrence beside an unreadable one: the delivery is refused, the valid one is not applied either.
        var batch = new JsonArray(good, new JsonObject { ["event"] = "Ticket Updated", ["event_type"] = "ticket", ["ticket"] = new JsonObject { ["summary"] = "no id" } });
        var refused = await Assert.ThrowsAsync<HaloOperationException>(() => webhooks.ApplyAsync(new WebhookDelivery(Encoding.UTF8.GetBytes(batch.ToJsonString())), default));
        Assert.Equal(HaloFailureKind.Validation, refused.Kind);
        Assert.Contains("Occurrence 2", refused.Message);

        foreach (var body in new[] { "not json", "[]", "42", "[1]", """{"hello":"world"}""" })
        {
            var error = await Assert.ThrowsAsync<HaloOperationException>(() => webhooks.ApplyAsync(new WebhookDelivery(Encoding.UTF8.GetBytes(body)), default));
            Assert.Equal(HaloFailureKind.Validation, error.Kind);
        }

        var shown = await ticket.GetAsync(false, default);
        Assert.NotEqual("Would have been applied", shown.Summary);
        Assert.True(shown.FromCache);
    }

    [Fact]
    public async Task A_lost_delivery_leaves_the_copy_stale_for_at_most_the_bound_with_webhooks()
    {
        await using var rig = await StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[10];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await ticket.GetAsync(false, default);

        rig.Instance("acme").Webhooks.Faults.DropNext = 1;
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Nobody was told" });
        Assert.Equal(SimWebhookDeliveryState.Dropped, rig.Instance("acme").Webhooks.Deliveries.Single().State);

        rig.Clock.Advance(WebhookBound - TimeSpan.FromSeconds(2));
        var stale = await ticket.GetAsync(false, default);
        Assert.NotEqual("Nobody was told", stale.Summary);
        Assert.Equal((int)(WebhookBound - TimeSpan.FromSeconds(1)).TotalSeconds, stale.AgeSeconds);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await ticket.GetAsync(false, default);
        Assert.Equal("Nobody was told", fresh.Summary);
        Assert.False(fresh.FromCache);
    }

    [Fact]
    public async Task Client_site_reference_data_and_invoice_deliveries_replace_or_drop_what_they_make_stale()
    {
        await using var rig = await StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[1]);
        var client = rig.Grains.GetGrain<IClientGrain>(clientId, "acme");
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await client.GetAsync(true, default);
        var status = (await tenant.GetStatusesAsync(default)).Items[0];

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.UpsertAsync("Client", [new JsonObject { ["id"] = clientId, ["website"] = "https://from-the-ui.example" }]);
        var site = sim.Data.Where(SimEntityKind.Site, s => HaloPsa.HaloRig.Int(s, "client_id") == clientId)[0];
        await ui.UpsertAsync("Site", [new JsonObject { ["id"] = Id(site), ["name"] = "Renamed site" }]);
        await ui.UpsertAsync("Status", [new JsonObject { ["id"] = status.Id, ["name"] = "Renamed status" }]);
        await ApplyNewAsync(rig);

        // The client is replaced (no request); its sites and the statuses are dropped and read again once.
        var shown = await client.GetAsync(true, default);
        Assert.Equal("https://from-the-ui.example", shown.Website);
        Assert.Contains(shown.Sites!, s => s.Name == "Renamed site");
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Client/{clientId}"));
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Site"));
        var statuses = await tenant.GetStatusesAsync(default);
        Assert.Contains(statuses.Items, s => s.Name == "Renamed status");
        Assert.False(statuses.FromCache);
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Status"));
    }

    [Fact]
    public async Task A_deleted_ticket_leaves_no_cached_copy()
    {
        await using var rig = await StartAsync();
        var ticketId = TicketIds(rig.Instance("acme"))[11];
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(false, default);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        await ui.DeleteAsync("Tickets", ticketId);
        await ApplyNewAsync(rig);

        var gone = await Assert.ThrowsAsync<HaloOperationException>(() => rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(false, default));
        Assert.Equal(HaloFailureKind.NotFound, gone.Kind);
    }

    private static readonly TimeSpan WebhookBound = WebhookRig.Bound;

    private static Task<GrainLayerRig> StartAsync(SimWebhookBatching batching = SimWebhookBatching.None) => WebhookRig.StartAsync(batching);

    // The bodies of every delivery the simulator formed so far, dropped ones left out (those never reach a receiver).
    private static List<byte[]> Bodies(GrainLayerRig rig) =>
        [.. rig.Instance("acme").Webhooks.Deliveries.Where(d => d.State != SimWebhookDeliveryState.Dropped).Select(d => Encoding.UTF8.GetBytes(d.RequestBody))];

    private static Task<WebhookReceipt> ApplyNewAsync(GrainLayerRig rig) => WebhookRig.ApplyNewAsync(rig);
}
