using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.HaloSim;
using HaloMcp.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using StackExchange.Redis;
using static HaloMcp.Grains.Tests.GrainLayer.GrainQueries;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Issue 10: what cluster mode keeps in Redis survives the death of the silo that held it. The grains' two storage
/// providers are in a real Redis (as <c>UseHaloClustering</c> puts them in cluster mode), and the silo that hosts the
/// grain is killed (no deactivation runs); the grain then serves from the other silo.
/// </summary>
[Collection(GrainLayerCollection.Name)]
public sealed class DurableStateTests
{
    [Fact]
    public async Task A_tenant_activation_that_takes_over_from_a_killed_silo_counts_every_permit_its_journal_reserved()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var rig = await StartAsync(redis, o =>
        {
            o.Instances.Add(GrainLayerRigOptions.Instance("acme", requests: 10, windowSeconds: 60));

            // Callers never wait (the clock stands still): a permit is had now or refused now.
            o.Budget = b =>
            {
                b.ReservationBlock = 4;
                b.DefaultWait = TimeSpan.FromSeconds(1);
            };
        });
        var tenant = rig.Grains.GetGrain<ITenantGrain>("acme");
        await tenant.GetBudgetStatusAsync(default);
        var victim = await HostOfAsync(rig, tenant);
        var survivor = rig.Cluster.Silos.IndexOf(rig.Cluster.Silos.First(s => s != victim));

        // Three permits spent of a reservation of four, then the tenant's silo dies: the journal in Redis says four may
        // have gone out, and nothing says when.
        for (var page = 1; page <= 3; page++)
        {
            await rig.Entry(survivor).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(page), default);
        }

        Assert.Equal(3, rig.Count("acme", "GET", "/api/Tickets"));
        await rig.Cluster.KillSiloAsync(victim);

        // The new activation (on the survivor) starts from the journal: four of ten spent in this window, so six more
        // reads are served and the seventh is refused. A budget in memory would have started empty and served ten.
        var served = 0;
        HaloOperationException? refused = null;
        for (var page = 4; refused is null && page < 30; page++)
        {
            var outcome = await ThroughFailoverAsync(() => rig.Entry(survivor).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(page), default));
            if (outcome.Refused is { } rateLimited)
            {
                refused = rateLimited;
            }
            else
            {
                served++;
            }
        }

        Assert.Equal(6, served);
        Assert.Equal(HaloFailureKind.RateLimited, refused?.Kind);
        Assert.Equal(9, rig.Count("acme", "GET", "/api/Tickets"));
        Assert.NotEqual(victim.SiloAddress, (await HostOfAsync(rig, tenant)).SiloAddress);

        // The one permit lost to the crash comes back with the window.
        rig.Clock.Advance(TimeSpan.FromSeconds(63));
        await rig.Entry(survivor).GetGrain<IServiceDeskGrain>("acme").ListTicketsAsync(OneTicket(40), default);
        Assert.Equal(10, rig.Count("acme", "GET", "/api/Tickets"));
    }

    [Fact]
    public async Task A_repeat_of_a_create_whose_silo_died_while_sending_it_is_refused_as_outcome_unknown_and_not_sent()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var rig = await StartAsync(redis, o => o.Instances.Add(GrainLayerRigOptions.Instance("acme")));
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[2]);
        var create = new CreateTicketCommand("Server room at 40 degrees", "The air conditioning stopped", null, null, null, null, null, null, null);

        // The POST leaves our code (its write-ahead record is in Redis) and is held on its way to HaloPSA; then the silo
        // that sent it dies.
        rig.Upstream.HoldPosts();
        _ = rig.Entry(0).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(create, default);
        await Eventually.HoldsAsync(() => rig.Upstream.Posts.Count == 1, "the create's POST left");
        var survivor = await KillTheSenderOfThePostAsync(rig);

        // The same create through the other silo finds "in progress" and is refused, unsent: it may have been applied.
        var outcome = await ThroughFailoverAsync(() => rig.Entry(survivor).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(create, default));

        Assert.Equal(HaloFailureKind.WriteOutcomeUnknown, outcome.Refused?.Kind);
        Assert.Contains("being sent when the server handling it stopped", outcome.Refused!.Message, StringComparison.Ordinal);
        Assert.Single(rig.Upstream.Posts);
        Assert.Equal(0, rig.Count("acme", "POST", "/api/Tickets"));
        rig.Upstream.ReleasePosts();
    }

    [Fact]
    public async Task A_create_answered_before_its_silo_died_is_answered_again_from_its_record_without_a_second_POST()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var rig = await StartAsync(redis, o => o.Instances.Add(GrainLayerRigOptions.Instance("acme")));
        var sim = rig.Instance("acme");
        var clientId = Id(sim.Data.All(SimEntityKind.Client)[3]);
        var create = new CreateTicketCommand("Badge reader dead", "Front door, since 7:00", null, null, null, null, null, null, null);

        var first = await rig.Entry(0).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(create, default);
        var survivor = await KillTheSenderOfThePostAsync(rig);

        var repeat = await ThroughFailoverAsync(() => rig.Entry(survivor).GetGrain<IClientGrain>(clientId, "acme").CreateTicketAsync(create, default));

        Assert.Null(repeat.Refused);
        Assert.Equal(first.Id, repeat.Value!.Id);
        Assert.Equal(1, rig.Count("acme", "POST", "/api/Tickets"));
        Assert.Single(sim.Data.Where(SimEntityKind.Ticket, t => Text(t, "summary") == create.Summary));
    }

    private static Task<GrainLayerRig> StartAsync(TestRedis redis, Action<GrainLayerRigOptions> configure) => GrainLayerRig.StartAsync(o =>
    {
        configure(o);
        o.Storage = silo => silo.AddHaloRedisStorage(ConfigurationOptions.Parse(redis.ConnectionString));

        // Cluster mode's membership, so that the killed silo is declared dead within seconds.
        o.Silo = silo => silo.Services.Configure<ClusterMembershipOptions>(HaloOrleansConfiguration.TuneMembership);
    });

    // Kills the silo whose grain sent the one POST so far (where the write-ahead record's activation was); returns the other's index.
    private static async Task<int> KillTheSenderOfThePostAsync(GrainLayerRig rig)
    {
        var sender = rig.Upstream.Requests.Single(r => r.Method == "POST").Silo;
        var victim = rig.Cluster.Silos.Single(s => s.SiloAddress == sender);
        var survivor = rig.Cluster.Silos.IndexOf(rig.Cluster.Silos.First(s => s != victim));
        await rig.Cluster.KillSiloAsync(victim);
        return survivor;
    }

    private static async Task<InProcessSiloHandle> HostOfAsync(GrainLayerRig rig, IAddressable grain)
    {
        var address = await rig.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain);
        return rig.Cluster.Silos.Single(s => s.SiloAddress == address);
    }

    // Until membership has declared the killed silo dead, calls meet it (as Orleans' errors, or as "unavailable" from a
    // grain whose own call met it); the call is made again until a grain answers or refuses it on our terms.
    private static async Task<(T? Value, HaloOperationException? Refused)> ThroughFailoverAsync<T>(Func<Task<T>> call)
        where T : class
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await call(), null);
            }
            catch (HaloOperationException ex) when (ex.Kind != HaloFailureKind.Unavailable)
            {
                return (null, ex);
            }
            catch (Exception ex) when (ex is HaloOperationException or SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                Assert.True(guard.Elapsed < Eventually.HangGuard, $"The grain did not serve again within {Eventually.HangGuard.TotalSeconds} s: {ex}");
                await Task.Delay(100);
            }
        }
    }
}
