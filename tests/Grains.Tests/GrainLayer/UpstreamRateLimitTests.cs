using HaloMcp.Grains.Errors;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 12: a 429 from HaloPSA without Retry-After (its limit is shared with every other integration of the instance)
/// holds the tenant back for a few seconds, more while 429s keep coming, not for its whole five-minute window; callers
/// that cannot wait hear that HaloPSA answered 429, not that their own budget is spent.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class UpstreamRateLimitTests
{
    [Fact]
    public async Task One_429_without_Retry_After_pauses_the_tenant_five_seconds_then_the_read_goes_again()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        rig.Instance("acme").Faults.ForceRateLimit(1);
        var start = rig.Clock.GetUtcNow();

        var read = rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        // (A caller also waits, briefly, while the budget's durable reservation is written: the pause tells them apart.)
        await Eventually.HoldsAsync(async () => await tenant.GetBudgetStatusAsync(default) is { Waiting: 1, PausedUntil: not null }, "the read waiting for the pause to end");
        var paused = await tenant.GetBudgetStatusAsync(default);

        Assert.Equal(start + TimeSpan.FromSeconds(5), paused.PausedUntil);
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single((await read.WaitAsync(Eventually.HangGuard)).Items);
        Assert.Equal([429, 200], rig.Requests("acme", "GET", "/api/Tickets").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task A_run_of_429s_doubles_the_pause_up_to_the_window_and_callers_that_cannot_wait_are_told_it_was_HaloPSA()
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", requests: 1_000, windowSeconds: 30));
            o.Budget = b => b.DefaultWait = TimeSpan.FromSeconds(1);
            o.Client = c => c.MaxRetries = 0;
        });
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        rig.Instance("acme").Faults.ForceRateLimit(4);
        var pauses = new List<TimeSpan>();

        for (var i = 0; i < 4; i++)
        {
            var now = rig.Clock.GetUtcNow();
            var limited = await Assert.ThrowsAsync<HaloOperationException>(() => desk.ListTicketsAsync(OneTicket(), default));
            Assert.Equal(HaloFailureKind.RateLimited, limited.Kind);
            pauses.Add((await tenant.GetBudgetStatusAsync(default)).PausedUntil!.Value - now);

            // While the pause lasts, a caller that cannot wait for it hears why, and when to come back.
            var held = await Assert.ThrowsAsync<HaloOperationException>(() => desk.ListTicketsAsync(OneTicket(2), default));
            Assert.Contains("HaloPSA answered 429", held.Message);
            Assert.DoesNotContain("budget is spent", held.Message);
            Assert.Equal(pauses[^1], held.RetryAfter);
            rig.Clock.Advance(pauses[^1]);
        }

        // 5, 10, 20 s, then the 30 s window at most; and the held callers sent nothing.
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30)], pauses);
        Assert.Equal(4, rig.Count("acme", "GET", "/api/Tickets"));
    }
}
