using HaloMcp.Grains.Errors;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 8, defect 2: random ids must not grow memory. A not-found keeps no activation, and a tenant's ticket and
/// client activations are bounded per silo (least recently used go first). Counted by Orleans itself.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class EntityActivationBoundTests
{
    [Fact]
    public async Task Three_thousand_reads_of_random_missing_ticket_ids_leave_no_ticket_activation()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var known = TicketIds(rig.Instance("acme")).ToHashSet();
        var random = new Random(8);
        var ids = Enumerable.Range(0, 3_000).Select(_ => random.Next(10_000, 2_000_000_000)).Where(id => !known.Contains(id)).ToList();

        var reads = ids.Select((id, i) => rig.Entry(i).GetGrain<ITicketGrain>(id, "acme").GetAsync(false, default)).ToList();
        await Eventually.SettledAsync(reads);

        Assert.All(reads, r => Assert.Equal(HaloFailureKind.NotFound, Assert.IsType<HaloOperationException>(r.Exception!.InnerException).Kind));
        Assert.Equal(ids.Count, rig.Count("acme", "GET", "/api/Tickets/"));
        await Eventually.HoldsAsync(async () => await rig.ActivationsAsync("TicketGrain") == 0, "every not-found ticket's activation gone");
    }

    [Fact]
    public async Task A_tenant_reading_more_tickets_than_its_bound_keeps_at_most_the_bound_per_silo_and_the_recent_ones_stay_cached()
    {
        const int Bound = 25;
        await using var rig = await GrainLayerRig.StartAsync(o => o.EntityActivations = e => e.MaxPerTenantPerSilo = Bound);
        var ids = TicketIds(rig.Instance("acme"));
        Assert.True(ids.Count >= 100, "the dataset is too small for the test");

        // Every ticket, three times over, through both silos.
        for (var round = 0; round < 3; round++)
        {
            var reads = ids.Select((id, i) => rig.Entry(i + round).GetGrain<ITicketGrain>(id, "acme").GetAsync(false, default)).ToList();
            await Eventually.AllAsync(reads);
        }

        await Eventually.HoldsAsync(
            async () => (await rig.ActivationsPerSiloAsync("TicketGrain")).All(n => n <= Bound),
            $"at most {Bound} ticket activations per silo");
        var perSilo = await rig.ActivationsPerSiloAsync("TicketGrain");
        Assert.All(perSilo, n => Assert.InRange(n, 1, Bound));

        // Recently used tickets stay cached: after one read, fewer than the bound of other reads do not evict it.
        var recent = ids[^1];
        await rig.Grains.GetGrain<ITicketGrain>(recent, "acme").GetAsync(false, default);
        var before = rig.Count("acme", "GET", $"/api/Tickets/{recent}");
        foreach (var other in ids.Take(Bound - 1))
        {
            await rig.Grains.GetGrain<ITicketGrain>(other, "acme").GetAsync(false, default);
        }

        await rig.Entry(1).GetGrain<ITicketGrain>(recent, "acme").GetAsync(false, default);
        Assert.Equal(before, rig.Count("acme", "GET", $"/api/Tickets/{recent}"));

        // The bound bit: evicted tickets were read from HaloPSA again when asked for again.
        Assert.True(rig.Count("acme", "GET", "/api/Tickets/") > ids.Count, "no activation was ever evicted, so the test proved nothing");
    }
}
