using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issue 3: the same create within the window is one POST; an unknown outcome is never repeated.</summary>
public sealed class IdempotentCreateTests
{
    [Fact]
    public async Task The_same_create_within_the_window_is_one_POST_and_after_it_a_new_one()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var client = rig.Grains.GetGrain<IClientGrain>(GrainKeys.ForEntity("acme", clientId));
        var create = NewTicket(clientId, "Printer on fire");

        var first = await client.CreateTicketAsync(create, default);
        var repeat = await client.CreateTicketAsync(create, default);

        Assert.Equal(1, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.Equal(first.Id, repeat.Id);
        Assert.Equal(first, repeat with { Actions = first.Actions });
        Assert.Single(TicketsNamed(sim, "Printer on fire"));

        var other = await client.CreateTicketAsync(create with { Details = "Second floor, not the first" }, default);
        Assert.Equal(2, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.NotEqual(first.Id, other.Id);

        // Just inside the window the first result still answers; past it, the same create is a new ticket.
        rig.Clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var inside = await client.CreateTicketAsync(create, default);
        Assert.Equal(first.Id, inside.Id);
        Assert.Equal(2, rig.Count("acme", "POST", "/api/Tickets"));
        rig.Clock.Advance(TimeSpan.FromSeconds(2));
        var later = await client.CreateTicketAsync(create, default);
        Assert.Equal(3, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.NotEqual(first.Id, later.Id);
        // The first, the one with other details, and the one made after the window.
        Assert.Equal(3, TicketsNamed(sim, "Printer on fire").Count);
    }

    [Theory]
    [InlineData(SimPostFailureMode.ServerError)]
    [InlineData(SimPostFailureMode.Abort)]
    public async Task A_create_HaloPSA_applied_then_failed_is_outcome_unknown_sent_once_and_its_repeat_refused(SimPostFailureMode mode)
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[1]);
        var client = rig.Grains.GetGrain<IClientGrain>(GrainKeys.ForEntity("acme", clientId));
        // Reads first, so the connection the POST goes over has been used before (the case where a transport might resend).
        await client.GetAsync(true, default);
        var summary = $"Applied then failed ({mode})";
        sim.Faults.ApplyThenFail(1, mode, "/api/Tickets");

        var failure = await Assert.ThrowsAsync<HaloOperationException>(() => client.CreateTicketAsync(NewTicket(clientId, summary), default));

        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, failure.Kind);
        Assert.Single(TicketsNamed(sim, summary));
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Tickets"));

        var repeat = await Assert.ThrowsAsync<HaloOperationException>(() => client.CreateTicketAsync(NewTicket(clientId, summary), default));
        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, repeat.Kind);
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.Single(TicketsNamed(sim, summary));
    }

    [Fact]
    public async Task Twenty_concurrent_identical_client_creates_are_one_POST()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var directory = rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme");
        var create = new CreateClientCommand("Initech", "https://initech.example", "+44 20 7946 0000", null);

        var created = await Eventually.AllAsync(Enumerable.Range(0, 20).Select(_ => directory.CreateClientAsync(create, default)));

        Assert.Equal(1, rig.Count("acme", "POST", "/api/Client"));
        Assert.Single(created.Select(c => c.Id).Distinct());
        Assert.Single(rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Initech"));
    }

    private static CreateTicketCommand NewTicket(int clientId, string summary) =>
        new(summary, clientId, "Smoke from tray 2", null, null, null, null, null, null, null);

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> TicketsNamed(SimInstance sim, string summary) =>
        sim.Data.Where(SimEntityKind.Ticket, t => Text(t, "summary") == summary);
}
