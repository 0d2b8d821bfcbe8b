using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issues 3 and 8: a grain method that throws fails only its call; the same activation serves the next one.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class FailureIsolationTests
{
    [Fact]
    public async Task An_update_HaloPSA_refuses_leaves_the_activation_serving()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[7];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        var before = await ticket.GetAsync(false, default);

        var refused = await Assert.ThrowsAsync<HaloOperationException>(
            () => ticket.UpdateAsync(new UpdateTicketCommand(null, null, 987_654, null, null, null, null, null), default));
        Assert.Equal(HaloFailureKind.Validation, refused.Kind);
        Assert.Equal(400, Assert.Single(rig.Requests("acme", "POST", "/api/Tickets")).StatusCode);

        var read = await ticket.GetAsync(false, default);
        var updated = await rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").UpdateAsync(Summary("Fixed after the refusal"), default);

        Assert.Equal(before.StatusId, read.StatusId);
        Assert.Equal("Fixed after the refusal", updated.Summary);
        // The refusal dropped the cached copy (HaloPSA may have changed it) and the next read fetched it again: two
        // reads of the ticket in all, served by the one activation that threw.
        Assert.Equal(2, rig.Requests("acme", "GET", $"/api/Tickets/{ticketId}").Count);
        Assert.Equal(1, await rig.ActivationsAsync("TicketGrain"));
    }

    [Fact]
    public async Task A_read_of_a_missing_ticket_keeps_no_activation_and_finds_the_ticket_once_it_exists()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        // Tickets and projects share HaloPSA's id space; the next create takes the next id.
        var nextId = sim.Data.All(SimEntityKind.Ticket).Concat(sim.Data.All(SimEntityKind.Project)).Max(Id) + 1;
        var ticket = rig.Grains.GetGrain<ITicketGrain>(nextId, "acme");

        var missing = await Assert.ThrowsAsync<HaloOperationException>(() => ticket.GetAsync(false, default));
        Assert.Equal(HaloFailureKind.NotFound, missing.Kind);
        await Eventually.HoldsAsync(async () => await rig.ActivationsAsync("TicketGrain") == 0, "the not-found ticket's activation gone");

        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var created = await rig.Grains.GetGrain<IClientGrain>(clientId, "acme")
            .CreateTicketAsync(new CreateTicketCommand("Arrived late", null, null, null, null, null, null, null, null), default);
        Assert.Equal(nextId, created.Id);

        var found = await ticket.GetAsync(false, default);

        Assert.Equal("Arrived late", found.Summary);
        Assert.Equal(1, await rig.ActivationsAsync("TicketGrain"));
    }
}
