using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Grains.Tests.Tenancy;

/// <summary>
/// A cached value is kept per acting identity (HaloPSA applies permissions per agent), and copies that one identity's
/// newer information makes stale are dropped for the others, while copies provably as new stay.
/// </summary>
public sealed class CachedValueIdentityTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private sealed record Copy(string LoadedBy, DateTimeOffset Version);

    private static (CachedValue<Copy> Cache, List<string> Loads) Create(FakeTimeProvider clock, bool shared = false)
    {
        List<string> loads = [];
        var cache = new CachedValue<Copy>(
            _ =>
            {
                var who = ActingAgent.CacheIdentity ?? "tenant";
                loads.Add(who);
                return Task.FromResult(new Copy(who, Monday));
            },
            () => TimeSpan.FromMinutes(5), clock, versionOf: c => c.Version, sharedAcrossAgents: shared);
        return (cache, loads);
    }

    private static async Task<T> AsAsync<T>(int? agent, Func<Task<T>> call)
    {
        if (agent is { } id)
        {
            ActingAgent.Set("session-" + id, id);
        }
        else
        {
            ActingAgent.Clear();
        }

        try
        {
            return await call();
        }
        finally
        {
            ActingAgent.Clear();
        }
    }

    [Fact]
    public async Task Each_agent_and_the_tenant_load_and_are_served_their_own_copy()
    {
        var (cache, loads) = Create(new FakeTimeProvider(Monday));

        var tenant = await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        var seven = await AsAsync(7, () => cache.GetAsync(CancellationToken.None));
        var sevenAgain = await AsAsync(7, () => cache.GetAsync(CancellationToken.None));
        var eight = await AsAsync(8, () => cache.GetAsync(CancellationToken.None));

        Assert.Equal("tenant", tenant.LoadedBy);
        Assert.Equal("agent:7", seven.LoadedBy);
        Assert.Same(seven, sevenAgain);
        Assert.Equal("agent:8", eight.LoadedBy);
        Assert.Equal(["tenant", "agent:7", "agent:8"], loads);
    }

    [Fact]
    public async Task A_newer_copy_one_agent_sees_drops_the_older_copies_of_the_others_and_an_equal_one_keeps_them()
    {
        var (cache, loads) = Create(new FakeTimeProvider(Monday));
        await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        await AsAsync(8, () => cache.GetAsync(CancellationToken.None));

        // A list row of the same version, as agent 7 read it: nobody else's copy is stale.
        await AsAsync(7, () => Task.FromResult(cache.Offer(new Copy("row seen by agent:7", Monday), Monday)));
        await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        await AsAsync(8, () => cache.GetAsync(CancellationToken.None));
        Assert.Equal(["tenant", "agent:8"], loads);

        // Agent 7's write answers a newer version: the tenant's and agent 8's copies go, and they load their own again.
        await AsAsync(7, () => Task.FromResult(cache.Offer(new Copy("answer to agent:7", Monday.AddMinutes(1)), Monday.AddMinutes(1))));
        var seven = await AsAsync(7, () => cache.GetAsync(CancellationToken.None));
        var tenant = await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        var eight = await AsAsync(8, () => cache.GetAsync(CancellationToken.None));

        Assert.Equal("answer to agent:7", seven.LoadedBy);
        Assert.Equal("tenant", tenant.LoadedBy);
        Assert.Equal("agent:8", eight.LoadedBy);
        Assert.Equal(["tenant", "agent:8", "tenant", "agent:8"], loads);
    }

    [Fact]
    public async Task A_change_without_an_agent_such_as_a_webhook_updates_the_tenants_copy_and_drops_every_agents()
    {
        var (cache, loads) = Create(new FakeTimeProvider(Monday));
        await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        await AsAsync(7, () => cache.GetAsync(CancellationToken.None));

        await AsAsync(null, () => { cache.Update(c => c with { LoadedBy = "tenant, updated" }); return Task.FromResult(0); });
        var tenant = await AsAsync(null, () => cache.GetAsync(CancellationToken.None));
        var seven = await AsAsync(7, () => cache.GetAsync(CancellationToken.None));

        Assert.Equal("tenant, updated", tenant.LoadedBy);
        Assert.Equal("agent:7", seven.LoadedBy);
        Assert.Equal(["tenant", "agent:7", "agent:7"], loads);
    }

    [Fact]
    public async Task A_shared_cache_keeps_one_copy_loaded_as_the_tenant_whoever_asks_first()
    {
        var (cache, loads) = Create(new FakeTimeProvider(Monday), shared: true);

        var seven = await AsAsync(7, () => cache.GetAsync(CancellationToken.None));
        var eight = await AsAsync(8, () => cache.GetAsync(CancellationToken.None));
        var tenant = await AsAsync(null, () => cache.GetAsync(CancellationToken.None));

        Assert.Equal("tenant", seven.LoadedBy);
        Assert.Same(seven, eight);
        Assert.Same(seven, tenant);
        Assert.Equal(["tenant"], loads);
    }
}
