using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issue 3: a grain method that throws fails only its call; the same activation serves the next one.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class FailureIsolationTests
{
    [Fact]
    public async Task An_update_HaloPSA_refuses_leaves_the_activation_serving()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[7];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(GrainKeys.ForEntity("acme", ticketId));
        var before = await ticket.GetAsync(false, default);

        var refused = await Assert.ThrowsAsync<HaloOperationException>(
            () => ticket.UpdateAsync(new UpdateTicketCommand(ticketId, null, null, 987_654, null, null, null, null, null), default));
        Assert.Equal(HaloFailureKind.Validation, refused.Kind);
        Assert.Equal(400, Assert.Single(rig.Requests("acme", "POST", "/api/Tickets")).StatusCode);

        var read = await ticket.GetAsync(false, default);
        var updated = await ticket.UpdateAsync(Summary(ticketId, "Fixed after the refusal"), default);

        Assert.Equal(before.StatusId, read.StatusId);
        Assert.Equal("Fixed after the refusal", updated.Summary);
        var tickets = rig.GrainType("TicketGrain");
        Assert.Equal(1, tickets.ActivationsCreated);
        Assert.Equal(1, tickets.Activations);
        Assert.Equal(1, tickets.Errors);
    }

    [Fact]
    public async Task A_read_of_a_missing_ticket_leaves_the_activation_serving_once_the_ticket_exists()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        // Tickets and projects share HaloPSA's id space; the next create takes the next id.
        var nextId = sim.Data.All(SimEntityKind.Ticket).Concat(sim.Data.All(SimEntityKind.Project)).Max(Id) + 1;
        var ticket = rig.Grains.GetGrain<ITicketGrain>(GrainKeys.ForEntity("acme", nextId));

        var missing = await Assert.ThrowsAsync<HaloOperationException>(() => ticket.GetAsync(false, default));
        Assert.Equal(HaloFailureKind.NotFound, missing.Kind);
        Assert.Equal(1, rig.GrainType("TicketGrain").ActivationsCreated);

        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var created = await rig.Grains.GetGrain<IClientGrain>(GrainKeys.ForEntity("acme", clientId))
            .CreateTicketAsync(new CreateTicketCommand("Arrived late", clientId, null, null, null, null, null, null, null, null), default);
        Assert.Equal(nextId, created.Id);

        var found = await ticket.GetAsync(false, default);

        Assert.Equal("Arrived late", found.Summary);
        var tickets = rig.GrainType("TicketGrain");
        Assert.Equal(1, tickets.ActivationsCreated);
        Assert.Equal(1, tickets.Activations);
    }
}
