using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issues 3 and 8: writes to one ticket reach HaloPSA one at a time in arrival order; different tickets in parallel.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class TicketWriteOrderTests
{
    [Fact]
    public async Task Fifty_concurrent_updates_of_one_ticket_reach_HaloPSA_one_after_another_in_arrival_order()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketId = TicketIds(sim)[3];
        // Real latency, so that writes that were not serialised would overlap at the simulator.
        sim.Faults.Latency = TimeSpan.FromMilliseconds(20);
        var ticket = rig.Grains.GetGrain<ITicketGrain>(ticketId, "acme");

        // Issued one after another without awaiting: this is the arrival order.
        var summaries = Enumerable.Range(0, 50).Select(i => $"Update {i:D2} of ticket {ticketId}").ToList();
        var updates = summaries.Select(s => ticket.UpdateAsync(Summary(s), default)).ToList();
        var saved = await Eventually.AllAsync(updates);

        Assert.Equal(summaries, saved.Select(t => t.Summary));
        var posts = rig.Requests("acme", "POST", "/api/Tickets").OrderBy(e => e.StartSequence).ToList();
        Assert.Equal(50, posts.Count);
        Assert.All(posts, e => Assert.Equal(200, e.StatusCode));
        for (var i = 1; i < posts.Count; i++)
        {
            Assert.True(posts[i - 1].EndSequence < posts[i].StartSequence,
                $"POST {i} started (#{posts[i].StartSequence}) before POST {i - 1} ended (#{posts[i - 1].EndSequence})");
        }

        // What left for HaloPSA, in order, is what was issued, in order; and HaloPSA kept the last.
        var sent = rig.Upstream.Posts.Select(p => p.Body![0]!["summary"]!.GetValue<string>()).ToList();
        Assert.Equal(summaries, sent);
        Assert.Equal(summaries[^1], Text(sim.Data.Get(SimEntityKind.Ticket, ticketId)!, "summary"));
    }

    [Fact]
    public async Task Updates_to_fifty_different_tickets_overlap()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var ticketIds = TicketIds(sim).Take(50).ToList();
        sim.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var updates = ticketIds
            .Select((id, i) => rig.Entry(i).GetGrain<ITicketGrain>(id, "acme").UpdateAsync(Summary($"Parallel update of {id}"), default))
            .ToList();
        var saved = await Eventually.AllAsync(updates);

        Assert.Equal(ticketIds, saved.Select(t => t.Id));
        var posts = rig.Requests("acme", "POST", "/api/Tickets");
        Assert.Equal(50, posts.Count);
        var overlapping = posts.SelectMany((a, i) => posts.Skip(i + 1).Where(b => a.StartSequence < b.EndSequence && b.StartSequence < a.EndSequence)).Count();
        Assert.True(overlapping >= 1, "no two updates of different tickets were at HaloPSA at the same time");
    }
}
