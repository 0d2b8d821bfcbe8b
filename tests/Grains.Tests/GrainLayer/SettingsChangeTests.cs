using HaloMcp.Grains.Errors;
using HaloMcp.HaloSim;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 8, defect 1: a tenant whose scope, credentials or HaloPSA URL change keeps no token of the old settings, and a
/// token is only ever sent to the URL it was issued for.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class SettingsChangeTests
{
    [Fact]
    public async Task A_narrower_scope_takes_effect_on_the_next_call_with_a_token_of_that_scope()
    {
        await using var rig = await GrainLayerRig.StartAsync();
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[0]);
        var settings = GrainLayerRig.SettingsFor(rig.Sim, "acme", rig.Instances[0]);
        var created = await rig.Grains.GetGrain<IClientGrain>(clientId, "acme")
            .CreateTicketAsync(new("Created with the full scope", null, null, null, null, null, null, null, null), default);
        Assert.True(created.Id > 0);
        Assert.Equal(1, rig.TokenRequests("acme"));

        rig.Tenants.Add(settings with { Scope = "read:tickets" });

        // A read the new scope allows still works, with a new token; a create it does not allow is refused by HaloPSA.
        var page = await rig.Entry(1).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        var refused = await Assert.ThrowsAsync<HaloOperationException>(() => rig.Grains.GetGrain<IClientGrain>(clientId, "acme")
            .CreateTicketAsync(new("Created after the scope was narrowed", null, null, null, null, null, null, null, null), default));

        Assert.Single(page.Items);
        Assert.Equal(HaloFailureKind.Permission, refused.Kind);
        Assert.Equal(2, rig.TokenRequests("acme"));
        Assert.Empty(sim.Data.Where(SimEntityKind.Ticket, t => Text(t, "summary") == "Created after the scope was narrowed"));

        // The old token went out before the change only.
        var beforeChange = rig.Upstream.Requests[0].BearerToken;
        Assert.NotNull(beforeChange);
        Assert.All(rig.Upstream.Requests.Skip(1), r => Assert.NotEqual(beforeChange, r.BearerToken));
    }

    [Theory]
    [InlineData("url")]
    [InlineData("client id")]
    public async Task A_moved_tenant_sends_its_old_token_nowhere_and_its_new_host_sees_only_tokens_it_issued(string change)
    {
        await using var rig = await GrainLayerRig.StartAsync(o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme"));
            o.Instances.Add(GrainLayerRigOptions.Instance("globex"));
        });
        var acme = rig.Instances[0];
        var globex = rig.Instances[1];
        await rig.Grains.GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(), default);
        var statusesBefore = await rig.Grains.GetGrain<ITenantGrain>("acme").GetStatusesAsync(default);

        // The tenant "acme" now lives on globex's instance (a new URL; or, for the second case, only new credentials
        // of the same instance, which the old token does not belong to either).
        var moved = change == "url"
            ? GrainLayerRig.SettingsFor(rig.Sim, "acme", globex)
            : GrainLayerRig.SettingsFor(rig.Sim, "acme", acme) with { ClientId = "acme-client-2" };
        rig.Tenants.Add(moved);
        var oldTokens = rig.Upstream.Requests.Select(r => r.BearerToken).ToHashSet();
        var sentBefore = rig.Upstream.Requests.Count;
        var calls = Enumerable.Range(0, 20).Select(i => rig.Entry(i).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(1 + i), default)).ToList();
        await Eventually.SettledAsync(calls);

        var after = rig.Upstream.Requests.Skip(sentBefore).ToList();
        Assert.DoesNotContain(after, r => oldTokens.Contains(r.BearerToken));
        if (change == "url")
        {
            Assert.All(calls, c => Assert.Single(c.Result.Items));
            Assert.All(after, r => Assert.StartsWith(rig.Sim.InstanceUrl("globex").ToString(), r.Url.ToString(), StringComparison.Ordinal));
            Assert.Equal(1, rig.TokenRequests("globex"));
            Assert.All(rig.Requests("globex", "GET", "/api/"), e => Assert.Equal(200, e.StatusCode));

            // Reference data of the old instance is gone with it.
            var statusesAfter = await rig.Grains.GetGrain<ITenantGrain>("acme").GetStatusesAsync(default);
            Assert.Equal(1, rig.Count("globex", "GET", "/api/Status"));
            Assert.Equal(rig.Instance("globex").Data.Count(SimEntityKind.Status), statusesAfter.Items.Count);
            Assert.NotEmpty(statusesBefore.Items);
        }
        else
        {
            // Credentials HaloPSA does not know: every call fails to authenticate, and no request carried the old token.
            Assert.All(calls, c => Assert.Equal(HaloFailureKind.Authentication, Assert.IsType<HaloOperationException>(c.Exception!.InnerException).Kind));
            Assert.Equal(1, rig.Count("acme", "GET", "/api/Tickets"));
        }
    }
}
