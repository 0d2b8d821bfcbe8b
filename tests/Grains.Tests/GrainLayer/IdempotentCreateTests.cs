using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issues 3 and 8: the same create within the window is one POST, whichever silo it enters through; an unknown outcome is never repeated.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class IdempotentCreateTests
{
    [Fact]
    public async Task The_same_create_within_the_window_is_one_POST_and_after_it_a_new_one()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var client = rig.Grains.GetGrain<IClientGrain>(clientId, "acme");
        var create = NewTicket("Printer on fire");

        var first = await client.CreateTicketAsync(create, default);
        var repeat = await rig.Entry(1).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(create, default);

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
        var client = rig.Grains.GetGrain<IClientGrain>(clientId, "acme");
        // Reads first, so the connection the POST goes over has been used before (the case where a transport might resend).
        await client.GetAsync(true, default);
        var summary = $"Applied then failed ({mode})";
        sim.Faults.ApplyThenFail(1, mode, "/api/Tickets");

        var failure = await Assert.ThrowsAsync<HaloOperationException>(() => client.CreateTicketAsync(NewTicket(summary), default));

        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, failure.Kind);
        Assert.Single(TicketsNamed(sim, summary));
        // Exactly one: neither our client nor the HTTP stack resent it on a fresh connection.
        Assert.True(1 == rig.Count("acme", "POST", "/api/Tickets"), "POSTs seen:\n" + string.Join("\n", rig.Requests("acme", "POST", "/api/")));

        var repeat = await Assert.ThrowsAsync<HaloOperationException>(() => rig.Entry(1).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(NewTicket(summary), default));
        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, repeat.Kind);
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.Single(TicketsNamed(sim, summary));
    }

    [Theory]
    [InlineData(SimPostFailureMode.ServerError)]
    [InlineData(SimPostFailureMode.Abort)]
    public async Task A_note_HaloPSA_applied_then_failed_is_outcome_unknown_sent_once_and_its_repeat_refused(SimPostFailureMode mode)
    {
        // Issue 8, defect 3: a note retried after "outcome unknown" was written twice.
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[9];
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");
        await ticket.GetAsync(true, default);
        var note = new AddActionCommand($"Rebooted the switch ({mode})", null, null, 5, true, null);
        sim.Faults.ApplyThenFail(1, mode, "/api/Actions");

        var failure = await Assert.ThrowsAsync<HaloOperationException>(() => ticket.AddActionAsync(note, default));

        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, failure.Kind);
        Assert.Single(NotesNamed(sim, ticketId, note.Note));
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Actions"));

        // The same note again, through the other silo: refused, not sent.
        var repeat = await Assert.ThrowsAsync<HaloOperationException>(() => rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").AddActionAsync(note, default));
        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, repeat.Kind);
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Actions"));
        Assert.Single(NotesNamed(sim, ticketId, note.Note));

        // A different note is a different write and goes out.
        var other = await ticket.AddActionAsync(note with { Note = note.Note + ", then checked the uplink" }, default);
        Assert.True(other.Id > 0);
        Assert.Equal(2, rig.Count("acme", "POST", "/api/Actions"));
    }

    [Fact]
    public async Task The_same_note_within_the_window_is_one_POST_and_answers_the_first_action()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[10];
        var note = new AddActionCommand("Customer confirmed the fix", null, null, null, false, null);

        var first = await rig.Entry(0).GetGrain<ITicketGrain>(ticketId, "acme").AddActionAsync(note, default);
        var repeat = await rig.Entry(1).GetGrain<ITicketGrain>(ticketId, "acme").AddActionAsync(note, default);

        Assert.Equal(first, repeat);
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Actions"));
        Assert.Single(NotesNamed(sim, ticketId, note.Note));
        var listed = await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").GetAsync(true, default);
        Assert.Single(listed.Actions!, a => a.Note == note.Note);

        // Past the window the same note is a new one, as for a create.
        rig.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var later = await rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme").AddActionAsync(note, default);
        Assert.NotEqual(first.Id, later.Id);
        Assert.Equal(2, NotesNamed(sim, ticketId, note.Note).Count);
    }

    [Fact]
    public async Task Twenty_concurrent_identical_client_creates_are_one_POST()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var create = new CreateClientCommand("Initech", "https://initech.example", "+44 20 7946 0000", null);

        var created = await Eventually.AllAsync(Enumerable.Range(0, 20).Select(i => rig.Entry(i).GetGrain<ICustomerDirectoryGrain>("acme").CreateClientAsync(create, default)));

        Assert.Equal(1, rig.Count("acme", "POST", "/api/Client"));
        Assert.Single(created.Select(c => c.Id).Distinct());
        Assert.Single(rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Initech"));
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_fail_the_identical_creates_of_the_others()
    {
        await using var rig = await StartWithBudgetSpentAsync();
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        var directory = rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme");
        var create = new CreateClientCommand("Umbrella Corporation", null, null, null);

        // The budget is spent, so the one shared create waits for a permit; the first caller then gives up.
        using var firstGivesUp = new CancellationTokenSource();
        var first = directory.CreateClientAsync(create, firstGivesUp.Token);
        var others = Enumerable.Range(0, 19).Select(i => rig.Entry(i).GetGrain<ICustomerDirectoryGrain>("acme").CreateClientAsync(create, default)).ToList();
        await Eventually.HoldsAsync(async () => (await tenant.GetBudgetStatusAsync(default)).Waiting == 1, "the create waiting for a permit");
        await firstGivesUp.CancelAsync();
        await Eventually.SettledAsync([first]);
        Assert.True(first.IsCanceled, $"{first.Status}: {first.Exception?.InnerException?.Message}");

        rig.Clock.Advance(TimeSpan.FromSeconds(62));
        var created = await Eventually.AllAsync(others);

        Assert.Equal(1, rig.Count("acme", "POST", "/api/Client"));
        Assert.Single(created.Select(c => c.Id).Distinct());
        Assert.Single(rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Umbrella Corporation"));
    }

    [Fact]
    public async Task A_create_whose_only_caller_gave_up_completes_once_and_its_window_ends_like_any_other()
    {
        await using var rig = await StartWithBudgetSpentAsync();
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        var directory = rig.Grains.GetGrain<ICustomerDirectoryGrain>("acme");
        var create = new CreateClientCommand("Cyberdyne Systems", null, null, null);

        using var givesUp = new CancellationTokenSource();
        var abandoned = directory.CreateClientAsync(create, givesUp.Token);
        await Eventually.HoldsAsync(async () => (await tenant.GetBudgetStatusAsync(default)).Waiting == 1, "the create waiting for a permit");
        await givesUp.CancelAsync();
        await Eventually.SettledAsync([abandoned]);
        Assert.True(abandoned.IsCanceled, $"{abandoned.Status}: {abandoned.Exception?.InnerException?.Message}");

        // The create was already under way for everyone who sends it: it goes out once when the budget allows.
        rig.Clock.Advance(TimeSpan.FromSeconds(62));
        await Eventually.HoldsAsync(() => rig.Count("acme", "POST", "/api/Client") == 1, "the abandoned create sent");
        await Eventually.HoldsAsync(() => rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Cyberdyne Systems").Count == 1, "the abandoned create stored");

        // Past the window the same create is a new one, as for any other create.
        rig.Clock.Advance(TimeSpan.FromMinutes(10));
        var later = await directory.CreateClientAsync(create, default);
        Assert.Equal(2, rig.Count("acme", "POST", "/api/Client"));
        Assert.Equal(2, rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Cyberdyne Systems").Count);
        Assert.Equal(later.Id, rig.Instance("acme").Data.Where(SimEntityKind.Client, c => Text(c, "name") == "Cyberdyne Systems").Max(Id));
    }

    private static CreateTicketCommand NewTicket(string summary) =>
        new(summary, "Smoke from tray 2", null, null, null, null, null, null, null);

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> NotesNamed(SimInstance sim, int ticketId, string note) =>
        sim.Data.Where(SimEntityKind.Action, a => HaloMcp.Grains.Tests.HaloPsa.HaloRig.Int(a, "ticket_id") == ticketId && Text(a, "note") == note);

    private static IReadOnlyList<System.Text.Json.Nodes.JsonObject> TicketsNamed(SimInstance sim, string summary) =>
        sim.Data.Where(SimEntityKind.Ticket, t => Text(t, "summary") == summary);

    /// <summary>A tenant of one request per minute that has just spent it, with callers willing to wait an hour.</summary>
    private static async Task<GrainLayerRig> StartWithBudgetSpentAsync()
    {
        var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", requests: 1, windowSeconds: 60));
            o.Budget = b => b.DefaultWait = TimeSpan.FromHours(1);
        });
        await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        return rig;
    }
}
