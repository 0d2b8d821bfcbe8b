using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tickets;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issues 3 and 8: never more than N requests in any rolling W at HaloPSA, whatever the load and whichever silo the
/// callers enter through; tenants do not share a queue.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class RequestBudgetTests
{
    private const int N = 50;
    private const int WindowSeconds = 60;

    [Fact]
    public async Task Five_thousand_calls_over_ten_simulated_minutes_stay_within_N_per_rolling_window_at_HaloPSA()
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", N, WindowSeconds));
            // Each caller waits at most 30 s for a permit.
            o.Budget = b => b.DefaultWait = TimeSpan.FromSeconds(30);
        });
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        var calls = new List<Task<PagedResult<TicketRow>>>(5_000);

        // About eight callers arrive every simulated second for ten minutes.
        for (var second = 0; second < 600; second++)
        {
            var arriving = (5_000 * (second + 1) / 600) - (5_000 * second / 600);
            for (var i = 0; i < arriving; i++)
            {
                calls.Add(rig.Entry(calls.Count).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + (calls.Count % 100)), default));
            }

            await SettledOrQueuedAsync(calls, tenant);
            rig.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        while (calls.Any(c => !c.IsCompleted))
        {
            await SettledOrQueuedAsync(calls, tenant);
            rig.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(5_000, calls.Count);
        var served = calls.Count(c => c.IsCompletedSuccessfully);
        var refused = calls.Where(c => !c.IsCompletedSuccessfully).Select(c => c.Exception!.InnerException).ToList();
        Assert.All(refused, e =>
        {
            var failure = Assert.IsType<HaloOperationException>(e);
            Assert.Equal(HaloFailureKind.RateLimited, failure.Kind);
            Assert.True(failure.RetryAfter > TimeSpan.Zero, $"RateLimited without a retry time: {failure.Message}");
        });

        var log = rig.Requests("acme", "*", "/api/");
        Assert.DoesNotContain(log, e => e.StatusCode == 429);
        Assert.All(log, e => Assert.Equal(200, e.StatusCode));
        Assert.Equal(served, log.Count);

        // The invariant at HaloPSA, for the window ending at every request: (t - W, t] holds at most N.
        var window = TimeSpan.FromSeconds(WindowSeconds);
        var starts = log.Select(e => e.StartedAt).Order().ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var inWindow = starts.Count(t => t > starts[i] - window && t <= starts[i]);
            Assert.True(inWindow <= N, $"{inWindow} requests reached HaloPSA in the {WindowSeconds} s ending {starts[i]:O}");
        }

        // And the budget was used, not hoarded: each of the ten windows that start within the ten minutes was filled.
        Assert.True(served >= 10 * N, $"only {served} of 5,000 calls were served in ten minutes");
        Assert.True(refused.Count > 0, "the load never exceeded the budget, so the test proved nothing");
    }

    [Fact]
    public async Task Tenant_B_is_served_while_tenant_A_is_flooded_and_its_callers_wait()
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", requests: 5, windowSeconds: 60));
            o.Instances.Add(GrainLayerRigOptions.Instance("globex"));
            o.Budget = b => b.DefaultWait = TimeSpan.FromMinutes(30);
        });
        var acmeTenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        using var giveUp = new CancellationTokenSource();
        var flood = Enumerable.Range(0, 40).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + i), giveUp.Token)).ToList();
        await SettledOrQueuedAsync(flood, acmeTenant);
        Assert.Equal(5, flood.Count(c => c.IsCompletedSuccessfully));
        Assert.Equal(35, (await acmeTenant.GetBudgetStatusAsync(default)).Waiting);

        // The clock stands still: nothing frees acme's budget while globex is served.
        var pages = await Eventually.AllAsync(Enumerable.Range(0, 40).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("globex").ListTicketsAsync(OneTicket(1 + i), default)));

        Assert.All(pages, p => Assert.Single(p.Items));
        Assert.Equal(40, rig.Count("globex", "GET", "/api/Tickets"));
        Assert.Equal(35, flood.Count(c => !c.IsCompleted));
        Assert.Equal(35, (await acmeTenant.GetBudgetStatusAsync(default)).Waiting);
        Assert.Equal(5, rig.Count("acme", "GET", "/api/Tickets"));

        // The waiting callers can give up; they leave the queue and nothing more reaches acme's HaloPSA.
        await giveUp.CancelAsync();
        await Eventually.SettledAsync(flood);
        Assert.All(flood.Where(c => !c.IsCompletedSuccessfully), c => Assert.True(c.IsCanceled, $"{c.Status}: {c.Exception?.InnerException?.Message}"));
        // Each caller hears at once; the cancellation reaches the tenant grain's queue a moment later (a message).
        await Eventually.HoldsAsync(async () => (await acmeTenant.GetBudgetStatusAsync(default)).Waiting == 0, "the callers that gave up out of the queue");
        rig.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(5, rig.Count("acme", "GET", "/api/Tickets"));
    }

    [Fact]
    public async Task A_caller_whose_own_deadline_passes_in_the_queue_hears_rate_limited_with_the_wait_not_a_timeout()
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", requests: 1, windowSeconds: 60));
            // Only the calls' own deadlines (70 s for a read) bound their wait here.
            o.Budget = b => b.DefaultWait = TimeSpan.FromHours(1);
            o.Client = c =>
            {
                c.ReadDeadline = TimeSpan.FromSeconds(70);
                c.AttemptTimeout = TimeSpan.FromSeconds(60);
            };
        });
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        await desk.ListTicketsAsync(OneTicket(), default);

        // Both can wait past the next slot (62 s: W plus the skew margin), but only the first gets it.
        // They enter through different silos, one after the other, so the queue's order is theirs.
        List<Task<PagedResult<TicketRow>>> waiting = [rig.Entry(0).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(2), default)];
        await SettledOrQueuedAsync(waiting, tenant);
        waiting.Add(rig.Entry(1).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(3), default));

        await SettledOrQueuedAsync(waiting, tenant);
        Assert.Equal(2, (await tenant.GetBudgetStatusAsync(default)).Waiting);

        rig.Clock.Advance(TimeSpan.FromSeconds(62));
        var served = await waiting[0].WaitAsync(Eventually.HangGuard);
        var refused = await Assert.ThrowsAsync<HaloOperationException>(() => waiting[1].WaitAsync(Eventually.HangGuard));

        Assert.Single(served.Items);
        Assert.Equal(HaloFailureKind.RateLimited, refused.Kind);
        // Its deadline (70 s) falls before the slot after next (124 s): it hears so at once, with the real wait.
        Assert.Equal(TimeSpan.FromSeconds(62), refused.RetryAfter);
        Assert.Equal(2, rig.Count("acme", "GET", "/api/Tickets"));
    }

    /// <summary>
    /// Waits until no call is on its way anywhere: each has finished or is queued for a permit. Only then may the
    /// clock move, or a request granted a permit could reach the simulator a simulated second late.
    /// </summary>
    private static Task SettledOrQueuedAsync<T>(IReadOnlyList<Task<T>> calls, ITenantGrain tenant) =>
        Eventually.HoldsAsync(
            async () =>
            {
                // Finished first, then queued: a call counted in neither is still on its way.
                var finished = calls.Count(c => c.IsCompleted);
                var waiting = (await tenant.GetBudgetStatusAsync(default)).Waiting;
                return finished + waiting == calls.Count;
            },
            "every call finished or waiting for a permit");
}
