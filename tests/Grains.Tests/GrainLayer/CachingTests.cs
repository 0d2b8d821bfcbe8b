using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Tests.HaloPsa;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issues 3 and 8: reference data is loaded once per TTL however many ask; a ticket's writes replace or drop its cache.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class CachingTests
{
    [Fact]
    public async Task A_thousand_concurrent_status_reads_cost_one_request_and_the_TTL_one_more()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");

        var reads = Enumerable.Range(0, 1_000).Select(i => rig.Entry(i).GetGrain<ITenantGrain>("acme").GetStatusesAsync(default)).ToList();
        var answers = await Eventually.AllAsync(reads);

        Assert.Equal(1, rig.Count("acme", "GET", "/api/Status"));
        var statuses = rig.Instance("acme").Data.Count(SimEntityKind.Status);
        Assert.All(answers, a => Assert.Equal(statuses, a.Items.Count));

        // Just inside the time to live: still served from memory.
        var ttl = new ReferenceDataOptions().ReferenceDataTtl;
        rig.Clock.Advance(ttl - TimeSpan.FromSeconds(1));
        await tenant.GetStatusesAsync(default);
        Assert.Equal(1, rig.Count("acme", "GET", "/api/Status"));

        // Past it: the next read costs exactly one more request, and the one after is served from memory again.
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.AllAsync(Enumerable.Range(0, 100).Select(i => rig.Entry(i).GetGrain<ITenantGrain>("acme").GetStatusesAsync(default)));
        await tenant.GetStatusesAsync(default);
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Status"));

        // The tenant's one activation served all of it: the cache, not a fresh activation, is what expired.
        Assert.Equal(1, await rig.ActivationsAsync("TenantGrain"));
    }

    [Fact]
    public async Task An_update_and_an_action_update_the_cached_ticket_from_their_answers_without_a_read()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[5];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        int TicketGets() => rig.Requests("acme", "GET", $"/api/Tickets/{ticketId}").Count(e => e.Path.Equals($"/api/Tickets/{ticketId}", StringComparison.OrdinalIgnoreCase));

        var first = await ticket.GetAsync(false, default);
        await ticket.GetAsync(false, default);
        Assert.Equal(1, TicketGets());
        Assert.Equal(Text(sim.Data.Get(SimEntityKind.Ticket, ticketId)!, "summary"), first.Summary);

        var updated = await ticket.UpdateAsync(Summary("Replaced by the update"), default);
        var afterUpdate = await rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(false, default);

        // The write's answer became the cache: no refetch, and nothing stale.
        Assert.Equal(1, TicketGets());
        Assert.Equal("Replaced by the update", afterUpdate.Summary);
        Assert.Equal(Comparable(updated), Comparable(afterUpdate));

        var action = await ticket.AddActionAsync(new AddActionCommand("Called the customer back", null, null, 15, true, NewStatusId: 3), default);
        var afterAction = await ticket.GetAsync(false, default);

        // The action's answer says how the ticket changed (its time, its last action, its status): still no read, and the
        // copy is what HaloPSA now holds.
        Assert.Equal(1, TicketGets());
        var record = sim.Data.Get(SimEntityKind.Ticket, ticketId)!;
        Assert.Equal("Replaced by the update", afterAction.Summary);
        Assert.Equal(updated.TimeTakenHours + 0.25, afterAction.TimeTakenHours, 3);
        Assert.Equal(double.Parse(record["timetaken"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture), afterAction.TimeTakenHours, 3);
        Assert.Equal(3, afterAction.StatusId);
        Assert.Equal(Text(record, "status_name"), afterAction.StatusName);
        Assert.Equal(action.Date, afterAction.LastActionDate);
        Assert.True(afterAction.FromCache);
    }

    [Fact]
    public async Task A_new_action_goes_to_the_head_of_the_cached_action_list_and_matches_what_HaloPSA_holds()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[7];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        int ActionListGets() => rig.Requests("acme", "GET", "/api/Actions").Count;

        var before = await ticket.GetAsync(true, default);
        Assert.Equal(1, ActionListGets());

        var added = await ticket.AddActionAsync(new AddActionCommand("Swapped the toner", null, null, 10, true, null), default);
        var after = await rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(true, default);
        var listed = await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListActionsAsync(new ActionQuery(ticketId, null, null, null, null, false, 1, 100), default);

        // HaloPSA's answer to the write is the new action, so the list is extended, not reloaded, for get_ticket and
        // list_actions alike...
        Assert.Equal(1, ActionListGets());
        Assert.Equal(added with { TicketId = null }, after.Actions![0]);
        Assert.Equal(before.ActionsTotal + 1, after.ActionsTotal);
        Assert.Equal(before.Actions!.Take(after.Actions.Count - 1), after.Actions.Skip(1));
        Assert.True(listed.FromCache);

        // ...and it is exactly what HaloPSA holds: every action of the ticket, newest first.
        var truth = sim.Data.Where(SimEntityKind.Action, a => HaloRig.Int(a, "ticket_id") == ticketId);
        Assert.Equal(truth.Count, after.ActionsTotal);
        Assert.Equal(truth.Count, listed.Total);
        Assert.Equal(
            [.. truth.OrderByDescending(a => DateTime.Parse(Text(a, "datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ThenByDescending(Id).Select(Id)],
            listed.Items.Select(a => a.Id).ToList());
        Assert.Contains(listed.Items, a => a.Id == added.Id && a.Note == "Swapped the toner" && a.TicketId == ticketId);
        Assert.Equal(1, rig.Requests("acme", "GET", $"/api/Tickets/{ticketId}").Count(e => e.Path.Equals($"/api/Tickets/{ticketId}", StringComparison.OrdinalIgnoreCase)));
    }

    // What a read adds to the ticket (its actions, where it came from) is not part of it.
    private static TicketDetail Comparable(TicketDetail ticket) => ticket with { Actions = null, ActionsTotal = null, FromCache = null, AgeSeconds = null };
}
