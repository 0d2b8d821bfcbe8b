using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issue 3: reference data is loaded once per TTL however many ask; a ticket's writes replace or drop its cache.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class CachingTests
{
    [Fact]
    public async Task A_thousand_concurrent_status_reads_cost_one_request_and_the_TTL_one_more()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");

        var reads = Enumerable.Range(0, 1_000).Select(_ => tenant.GetStatusesAsync(default)).ToList();
        var answers = await Eventually.AllAsync(reads);

        Assert.Equal(1, rig.Count("acme", "GET", "/api/Status"));
        var statuses = rig.Instance("acme").Data.Count(SimEntityKind.Status);
        Assert.All(answers, a => Assert.Equal(statuses, a.Count));

        // Just inside the time to live: still served from memory.
        rig.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        await tenant.GetStatusesAsync(default);
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Status"));

        // Past it: the next read costs exactly one more request, and the one after is served from memory again.
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.AllAsync(Enumerable.Range(0, 100).Select(_ => tenant.GetStatusesAsync(default)));
        await tenant.GetStatusesAsync(default);
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Status"));

        // The tenant was never re-activated, so the cache (not a fresh activation) is what expired.
        Assert.Equal(1, rig.GrainType("TenantGrain").ActivationsCreated);
    }

    [Fact]
    public async Task An_update_replaces_the_cached_ticket_and_an_action_invalidates_it()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[5];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(GrainKeys.ForEntity("acme", ticketId));
        int TicketGets() => rig.Requests("acme", "GET", $"/api/Tickets/{ticketId}").Count(e => e.Path.Equals($"/api/Tickets/{ticketId}", StringComparison.OrdinalIgnoreCase));

        var first = await ticket.GetAsync(false, default);
        await ticket.GetAsync(false, default);
        Assert.Equal(1, TicketGets());
        Assert.Equal(Text(sim.Data.Get(SimEntityKind.Ticket, ticketId)!, "summary"), first.Summary);

        var updated = await ticket.UpdateAsync(Summary(ticketId, "Replaced by the update"), default);
        var afterUpdate = await ticket.GetAsync(false, default);

        // The write's answer became the cache: no refetch, and nothing stale.
        Assert.Equal(1, TicketGets());
        Assert.Equal("Replaced by the update", afterUpdate.Summary);
        Assert.Equal(Comparable(updated), Comparable(afterUpdate));

        var action = await ticket.AddActionAsync(new AddActionCommand(ticketId, "Called the customer back", null, null, 15, true, null), default);
        Assert.True(action.Id > 0);
        var afterAction = await ticket.GetAsync(false, default);

        // The action made the cached ticket stale: the next read went to HaloPSA again.
        Assert.Equal(2, TicketGets());
        Assert.Equal("Replaced by the update", afterAction.Summary);
        Assert.True(afterAction.TimeTakenHours >= updated.TimeTakenHours + 0.25 - 1e-9, $"time taken {afterAction.TimeTakenHours} h does not include the new action");
        await ticket.GetAsync(false, default);
        Assert.Equal(2, TicketGets());
    }

    private static TicketDetail Comparable(TicketDetail ticket) => ticket with { Actions = NoActions };

    private static readonly IReadOnlyList<ActionRow> NoActions = [];
}
