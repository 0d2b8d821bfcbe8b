using HaloMcp.Grains.Errors;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Issues 3 and 8: one token request however many callers need it (through either silo); a 401 costs one refetch and one retry.</summary>
[Collection(GrainLayerCollection.Name)]
public sealed class TokenSharingTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_hundred_callers_after_the_token_expired_cause_exactly_one_token_request(bool tenantCollectedMeanwhile)
    {
        // Either the tenant grain stays active and holds the expired token, or Orleans collects it while idle and its
        // successor starts without one.
        await using var rig = await GrainLayerRig.StartAsync(o =>
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", configure: i => i.TokenLifetimeSeconds = 3600)));
        await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        Assert.Equal(1, rig.TokenRequests("acme"));

        // Past the lifetime the simulator refuses the old token; the tenant must not hand it out again.
        rig.Clock.Advance(TimeSpan.FromSeconds(3601));
        if (tenantCollectedMeanwhile)
        {
            await rig.CollectIdleActivationsAsync();
            Assert.Equal(0, await rig.ActivationsAsync("TenantGrain"));
        }

        // Half the callers enter through each silo; both reach the tenant's one activation.
        var calls = Enumerable.Range(0, 200).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + (i % 50)), default)).ToList();
        await Eventually.AllAsync(calls);

        Assert.Equal(2, rig.TokenRequests("acme"));
        var api = rig.Requests("acme", "GET", "/api/Tickets");
        Assert.Equal(201, api.Count);
        Assert.All(api, e => Assert.Equal(200, e.StatusCode));
        Assert.Equal(1, await rig.ActivationsAsync("TenantGrain"));
    }

    [Fact]
    public async Task A_revoked_token_costs_one_refetch_and_one_retry()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");
        await desk.ListTicketsAsync(OneTicket(), default);
        rig.Instance("acme").RevokeTokens();

        var page = await desk.ListTicketsAsync(OneTicket(), default);

        Assert.Single(page.Items);
        Assert.Equal(2, rig.TokenRequests("acme"));
        Assert.Equal([200, 401, 200], rig.Requests("acme", "GET", "/api/Tickets").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Two_hundred_callers_refused_with_the_same_revoked_token_share_one_refetch()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        rig.Instance("acme").RevokeTokens();

        var calls = Enumerable.Range(0, 200).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + (i % 50)), default)).ToList();
        await Eventually.AllAsync(calls);

        Assert.Equal(2, rig.TokenRequests("acme"));
        var after = rig.Requests("acme", "GET", "/api/Tickets").Skip(1).ToList();
        var refused = after.Count(e => e.StatusCode == 401);
        // Each caller is refused at most once and then served: 200 answers, at most 200 refusals, nothing else.
        Assert.Equal(200, after.Count(e => e.StatusCode == 200));
        Assert.InRange(refused, 1, 200);
        Assert.Equal(200 + refused, after.Count);
    }

    [Fact]
    public async Task A_token_HaloPSA_keeps_refusing_surfaces_as_an_authentication_failure_after_one_retry()
    {
        // Tokens that are dead on arrival: HaloPSA answers 401 to every one of them.
        await using var rig = await GrainLayerRig.StartAsync(o =>
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", configure: i => i.TokenLifetimeSeconds = 0)));
        var desk = rig.Grains.GetGrain<IServiceDeskGrain>("acme");

        var failure = await Assert.ThrowsAsync<HaloOperationException>(() => desk.ListTicketsAsync(OneTicket(), default));

        Assert.Equal(HaloFailureKind.Authentication, failure.Kind);
        Assert.Equal([401, 401], rig.Requests("acme", "GET", "/api/Tickets").Select(e => e.StatusCode));
        Assert.Equal(2, rig.TokenRequests("acme"));

        // The next call is no different: one refetch, one retry, then the same clear failure.
        failure = await Assert.ThrowsAsync<HaloOperationException>(() => desk.ListTicketsAsync(OneTicket(), default));
        Assert.Equal(HaloFailureKind.Authentication, failure.Kind);
        Assert.Equal(4, rig.Count("acme", "GET", "/api/Tickets"));
        Assert.Equal(4, rig.TokenRequests("acme"));
    }

    [Fact]
    public async Task Fifty_callers_HaloPSA_keeps_refusing_each_send_at_most_twice_and_all_hear_authentication()
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", configure: i => i.TokenLifetimeSeconds = 0)));
        var calls = Enumerable.Range(0, 50).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + i), default)).ToList();
        await Eventually.SettledAsync(calls);

        Assert.All(calls, c => Assert.Equal(HaloFailureKind.Authentication, Assert.IsType<HaloOperationException>(c.Exception!.InnerException).Kind));
        // Each caller: its send, one retry with a fresh token, then the failure.
        var sends = rig.Count("acme", "GET", "/api/Tickets");
        Assert.Equal(100, sends);
        // Callers refused with the same token share its replacement; no caller fetches more than once per refusal.
        Assert.InRange(rig.TokenRequests("acme"), 2, sends);
    }
}
