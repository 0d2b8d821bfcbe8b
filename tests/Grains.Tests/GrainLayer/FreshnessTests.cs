using System.Text.Json.Nodes;
using HaloMcp.Grains.Tenancy;
using HaloMcp.TestSupport;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 12's freshness contract on a controllable clock (the simulator's and the grains' <c>FakeTimeProvider</c>): a
/// ticket or client changed in HaloPSA's UI (the simulator's out-of-band endpoint) is never handed out from a cache
/// older than the bound, and every read says whether it came from the cache and how old it is.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class FreshnessTests
{
    [Fact]
    public void Without_webhooks_the_default_bound_is_at_most_30_seconds()
    {
        var options = new ReferenceDataOptions();

        Assert.True(options.EntityMaxAge(receivesWebhooks: false) <= TimeSpan.FromSeconds(30));
        Assert.True(options.EntityMaxAge(receivesWebhooks: true) >= options.EntityMaxAge(receivesWebhooks: false));
    }

    [Fact]
    public async Task Without_webhooks_a_ticket_changed_in_HaloPSAs_UI_is_shown_stale_for_less_than_the_bound_and_the_read_says_how_old()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(30));
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[3];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");
        int Reads() => rig.Requests("acme", "GET", $"/api/Tickets/{ticketId}").Count;

        var first = await ticket.GetAsync(false, default);
        Assert.False(first.FromCache);
        Assert.Equal(0, first.AgeSeconds);

        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        await ui.EditTicketAsync(ticketId, new JsonObject { ["summary"] = "Changed by a colleague" });

        // Up to the bound the cached copy is served, and says so: from the cache, as old as the clock says.
        rig.Clock.Advance(TimeSpan.FromSeconds(24));
        var stale = await rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(false, default);
        Assert.Equal(first.Summary, stale.Summary);
        Assert.True(stale.FromCache);
        Assert.Equal(29, stale.AgeSeconds);
        Assert.Equal(1, Reads());

        // At the bound it is not handed out any more: the read goes to HaloPSA and shows the change.
        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await ticket.GetAsync(false, default);
        Assert.Equal("Changed by a colleague", fresh.Summary);
        Assert.False(fresh.FromCache);
        Assert.Equal(0, fresh.AgeSeconds);
        Assert.Equal(2, Reads());
    }

    [Fact]
    public async Task Without_webhooks_a_client_and_its_sites_are_never_older_than_the_bound()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c => c.EntityTtl = TimeSpan.FromSeconds(20));
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(HaloSim.SimEntityKind.Client)[2]);
        var client = rig.Grains.GetGrain<IClientGrain>(clientId, "acme");
        using var ui = new SimUi(rig.Sim.BaseAddress, "acme");

        var first = await client.GetAsync(true, default);
        rig.Clock.Advance(TimeSpan.FromSeconds(3));
        await ui.UpsertAsync("Client", [new JsonObject { ["id"] = clientId, ["website"] = "https://changed.example" }]);

        rig.Clock.Advance(TimeSpan.FromSeconds(16));
        var cached = await client.GetAsync(true, default);
        Assert.Equal(first.Website, cached.Website);
        Assert.True(cached.FromCache);
        Assert.Equal(19, cached.AgeSeconds);

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = await client.GetAsync(true, default);
        Assert.Equal("https://changed.example", fresh.Website);
        Assert.False(fresh.FromCache);
        Assert.Equal(2, rig.Count("acme", "GET", $"/api/Client/{clientId}"));
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Site"));
    }

    [Fact]
    public async Task A_tenant_with_webhooks_keeps_its_copies_for_the_longer_bound_and_reference_data_likewise()
    {
        await using var rig = await GrainLayerRig.StartAsync(o => o.Caching = c =>
        {
            c.EntityTtl = TimeSpan.FromSeconds(30);
            c.EntityTtlWithWebhooks = TimeSpan.FromMinutes(10);
            c.ReferenceDataTtl = TimeSpan.FromMinutes(1);
            c.ReferenceDataTtlWithWebhooks = TimeSpan.FromMinutes(20);
        });
        rig.Tenants.Add(GrainLayerRig.SettingsFor(rig.Sim, "acme", rig.Instances[0]) with { ReceivesWebhooks = true });
        var ticketId = TicketIds(rig.Instance("acme"))[4];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");

        await ticket.GetAsync(false, default);
        await tenant.GetStatusesAsync(default);
        rig.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var kept = await ticket.GetAsync(false, default);
        var statuses = await tenant.GetStatusesAsync(default);

        Assert.True(kept.FromCache);
        Assert.Equal(599, kept.AgeSeconds);
        Assert.True(statuses.FromCache);
        Assert.Equal(599, statuses.AgeSeconds);
        Assert.Equal(1, rig.Count("acme", "GET", $"/api/Tickets/{ticketId}"));
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Status"));

        rig.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await ticket.GetAsync(false, default)).FromCache);
        Assert.Equal(2, rig.Count("acme", "GET", $"/api/Tickets/{ticketId}"));
    }
}
