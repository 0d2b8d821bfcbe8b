using System.Text.Json.Nodes;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Search;
using HaloMcp.Grains.Tests.HaloPsa;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using HaloMcp.TestSupport;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 12: ticket lists, searches, client, user and asset lists and asset and user records are cached per tenant and
/// exact query, counted at the simulator's request log; the freshness contract holds for them on a controllable clock
/// (without webhooks never older than the bound; with them a delivery touching their kind drops them; our own writes
/// drop them), and callers asking the same thing at once share one request.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class AnswerCacheTests
{
    [Fact]
    public async Task Five_assistants_listing_the_same_tickets_at_once_cost_one_request_and_a_repeat_says_how_old_it_is()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(30));
        var sim = rig.Instance("acme");
        var clientId = ClientOf(sim, TicketIds(sim)[0]);
        var query = ClientTickets(clientId);

        // The simulator holds every answer half a second (real time), so all five calls are in flight together.
        sim.Faults.Latency = TimeSpan.FromMilliseconds(500);
        var pages = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(query, default)));
        sim.Faults.Latency = TimeSpan.Zero;

        Assert.Equal(1, Lists(rig));
        Assert.All(pages, p => Assert.False(p.FromCache));
        Assert.All(pages, p => Assert.Equal(pages[0].Items.Select(t => t.Id), p.Items.Select(t => t.Id)));
        Assert.NotEmpty(pages[0].Items);

        rig.Clock.Advance(TimeSpan.FromSeconds(12));
        var again = await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(query, default);
        Assert.True(again.FromCache);
        Assert.Equal(12, again.AgeSeconds);
        Assert.Equal(1, Lists(rig));

        // Another query is another answer.
        await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(query with { OpenOnly = true }, default);
        Assert.Equal(2, Lists(rig));
    }

    [Fact]
    public async Task Without_webhooks_a_cached_list_is_never_older_than_the_bound()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(30));
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[1];
        var query = ClientTickets(ClientOf(sim, ticketId));
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");

        var first = await desk.ListTicketsAsync(query, default);
        Assert.Contains(first.Items, t => t.Id == ticketId);
        rig.Clock.Advance(TimeSpan.FromSeconds(4));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Renamed by a colleague" });

        rig.Clock.Advance(TimeSpan.FromSeconds(25));
        var stale = await desk.ListTicketsAsync(query, default);
        Assert.True(stale.FromCache);
        Assert.Equal(29, stale.AgeSeconds);
        Assert.NotEqual("Renamed by a colleague", stale.Items.Single(t => t.Id == ticketId).Summary);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await desk.ListTicketsAsync(query, default);
        Assert.False(fresh.FromCache);
        Assert.Equal("Renamed by a colleague", fresh.Items.Single(t => t.Id == ticketId).Summary);
        Assert.Equal(2, Lists(rig));
    }

    [Fact]
    public async Task With_webhooks_a_delivered_ticket_change_is_placed_in_the_cached_lists_and_drops_ticket_searches_only()
    {
        await using var rig = await WebhookRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[2];
        var query = ClientTickets(ClientOf(sim, ticketId));
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        var assetId = Id(sim.Data.All(SimEntityKind.Asset)[0]);
        var clientSearch = new SearchQuery(SearchEntity.Clients, "a", 5);
        var ticketSearch = new SearchQuery(SearchEntity.Tickets, "a", 5);
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        await desk.ListTicketsAsync(query, default);
        await desk.SearchAsync(clientSearch, default);
        await desk.SearchAsync(ticketSearch, default);
        await rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme").GetAssetAsync(assetId, false, default);

        // Long past the bound without webhooks, well within the bound with them: still cached until a change arrives.
        rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Renamed in the UI" });
        var before = await desk.ListTicketsAsync(query, default);
        Assert.True(before.FromCache);
        Assert.NotEqual("Renamed in the UI", before.Items.Single(t => t.Id == ticketId).Summary);

        var receipt = await WebhookRig.ApplyNewAsync(rig);
        var shown = await desk.ListTicketsAsync(query, default);

        Assert.True(receipt.Applied >= 1);
        Assert.Equal("Renamed in the UI", shown.Items.Single(t => t.Id == ticketId).Summary);
        Assert.True(shown.FromCache);
        Assert.Equal(300, shown.AgeSeconds);

        // A text search cannot be revised: it goes. What shows no ticket stays.
        Assert.False((await desk.SearchAsync(ticketSearch, default)).FromCache);
        Assert.True((await desk.SearchAsync(clientSearch, default)).FromCache);
        Assert.True((await rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme").GetAssetAsync(assetId, false, default)).FromCache);
        Assert.Equal(3, Lists(rig));
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Client"));
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Asset/{assetId}"));
    }

    [Fact]
    public async Task Asset_and_user_records_are_read_once_and_a_delivered_change_of_their_kind_replaces_them()
    {
        await using var rig = await WebhookRig.StartAsync();
        var sim = rig.Instance("acme");
        var assetId = Id(sim.Data.All(SimEntityKind.Asset)[1]);
        var userId = Id(sim.Data.All(SimEntityKind.User)[1]);
        var directory = rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");

        var first = await directory.GetAssetAsync(assetId, false, default);
        await directory.GetUserAsync(userId, default);
        rig.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await rig.Entry(1).GetGrain<ICustomerDirectoryGrain>("acme").GetAssetAsync(assetId, false, default);
        var user = await directory.GetUserAsync(userId, default);

        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(180, again.AgeSeconds);
        Assert.True(user.FromCache);
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Asset/{assetId}"));
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Users/{userId}"));

        await ui.UpsertAsync("Asset", [new JsonObject { ["id"] = assetId, ["inventory_number"] = "INV-CHANGED-IN-UI" }]);
        var receipt = await WebhookRig.ApplyNewAsync(rig);
        var changed = await directory.GetAssetAsync(assetId, false, default);

        Assert.Equal(1, receipt.Applied);
        Assert.Equal("INV-CHANGED-IN-UI", changed.InventoryNumber);
        Assert.False(changed.FromCache);
        Assert.Equal(2, rig.Count("acme", "GET", $"/api/Asset/{assetId}"));

        // An asset's change says nothing about users.
        Assert.True((await directory.GetUserAsync(userId, default)).FromCache);
    }

    [Fact]
    public async Task Our_own_writes_revise_the_cached_lists_they_change_and_cost_no_list_request()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(30));
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[3];
        var clientId = ClientOf(sim, ticketId);
        var query = ClientTickets(clientId) with { PageSize = 100 };
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        await desk.ListTicketsAsync(query, default);

        await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").UpdateAsync(Summary("Updated by the assistant"), default);
        var afterUpdate = await desk.ListTicketsAsync(query, default);
        Assert.Equal("Updated by the assistant", afterUpdate.Items.Single(t => t.Id == ticketId).Summary);

        var created = await rig.Grains.GetGrain<IClientGrain>(clientId, "acme")
            .CreateTicketAsync(new CreateTicketCommand("Arrived this morning", null, null, null, null, null, null, null, null), default);
        var afterCreate = await desk.ListTicketsAsync(query, default);
        Assert.Equal(created.Id, afterCreate.Items[0].Id);
        Assert.Equal(afterUpdate.Total + 1, afterCreate.Total);

        await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme")
            .AddActionAsync(new AddActionCommand("Called the user", null, null, 15, true, null), default);
        var afterNote = await desk.ListTicketsAsync(query, default);

        // What HaloPSA itself lists now (another page size is another query, read afresh).
        var truth = await desk.ListTicketsAsync(query with { PageSize = 99 }, default);
        Assert.False(truth.FromCache);
        Assert.Equal(truth.Items.Select(t => (t.Id, t.Summary, t.StatusId, t.PriorityId, t.AgentId)), afterNote.Items.Take(99).Select(t => (t.Id, t.Summary, t.StatusId, t.PriorityId, t.AgentId)));
        Assert.Equal(truth.Total, afterNote.Total);
        Assert.Equal(
            truth.Items.Single(t => t.Id == ticketId).LastActionDate?.ToUnixTimeSeconds(),
            afterNote.Items.Single(t => t.Id == ticketId).LastActionDate?.ToUnixTimeSeconds());

        // Every read of the cached query after the first was served from the cache.
        Assert.True(afterUpdate.FromCache == true && afterCreate.FromCache == true);
        Assert.Equal(2, Lists(rig));
    }

    [Fact]
    public async Task Our_own_write_drops_a_searched_list_it_cannot_place()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(30));
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[5];
        var query = ClientTickets(ClientOf(sim, ticketId)) with { Search = "a" };
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        await desk.ListTicketsAsync(query, default);

        await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").UpdateAsync(Summary("Searched again"), default);

        Assert.False((await desk.ListTicketsAsync(query, default)).FromCache);
        Assert.Equal(2, Lists(rig));
    }

    [Fact]
    public async Task Rows_of_a_list_filtered_by_client_leave_the_client_out()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = ClientOf(sim, TicketIds(sim)[0]);
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");

        var filtered = await desk.ListTicketsAsync(ClientTickets(clientId), default);
        var all = await desk.ListTicketsAsync(ClientTickets(clientId) with { ClientId = null }, default);

        Assert.All(filtered.Items, t => Assert.Null(t.ClientId));
        Assert.All(filtered.Items, t => Assert.Null(t.ClientName));
        Assert.All(all.Items, t => Assert.NotNull(t.ClientId));
    }

    private static TicketQuery ClientTickets(int clientId) =>
        new(clientId, null, null, null, null, null, null, false, null, null, null, 1, 25);

    private static int ClientOf(SimInstance sim, int ticketId) =>
        HaloRig.Int(sim.Data.All(SimEntityKind.Ticket).Single(t => Id(t) == ticketId), "client_id");

    // Ticket lists and searches: GET /api/Tickets without an id.
    private static int Lists(GrainLayerRig rig) => rig.Requests("acme", "GET", "/api/Tickets").Count(e => e.Path.Length == "/api/Tickets".Length);
}
