using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Grains.Tests.HaloPsa;

public sealed class TokenTests
{
    [Fact]
    public async Task Two_hundred_concurrent_callers_on_a_cold_cache_cause_one_token_request()
    {
        await using var rig = await HaloRig.StartAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await rig.Tokens.GetTokenAsync(default);
        })).ToArray();
        start.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.Single(tokens.Select(t => t.Value).Distinct());
        Assert.Equal(1, await rig.CountAsync("POST", "/auth/token", 1));
    }

    [Fact]
    public async Task A_token_is_refreshed_once_when_it_nears_expiry()
    {
        var time = new FakeTimeProvider(HaloRigClock.Start);
        await using var rig = await HaloRig.StartAsync(s => s.TokenLifetimeSeconds = 600, time: time);

        var first = await rig.Tokens.GetTokenAsync(default);
        time.Advance(TimeSpan.FromMinutes(7));
        var stillFirst = await rig.Tokens.GetTokenAsync(default);
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1)); // inside the 2-minute margin
        var refreshed = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => rig.Tokens.GetTokenAsync(default).AsTask()));
        var ticket = await rig.Client.ListTicketsAsync(new TicketQuery { PageSize = 1 }, default);

        Assert.Equal(first, stillFirst);
        Assert.Single(refreshed.Select(t => t.Value).Distinct());
        Assert.NotEqual(first.Value, refreshed[0].Value);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromMinutes(10), refreshed[0].ExpiresAt);
        Assert.Equal(2, await rig.CountAsync("POST", "/auth/token", 2));
        Assert.Single(ticket.Items);
        Assert.Equal(0, (await rig.SettledEntriesAsync()).Count(e => e.StatusCode == 401));
    }

    [Fact]
    public async Task A_revoked_token_is_refetched_once_and_the_call_retried_once()
    {
        await using var rig = await HaloRig.StartAsync();
        var id = HaloRig.Int(rig.Sim.Data.All(SimEntityKind.Ticket)[0], "id");
        await rig.Client.GetTicketAsync(id, default);
        await rig.SettledEntriesAsync();
        rig.Sim.RevokeTokens();
        rig.Sim.Requests.Reset();
        var gateBefore = rig.Gate.Reads;

        var ticket = await rig.Client.GetTicketAsync(id, default);

        Assert.Equal(id, ticket.Id);
        Assert.Equal(1, await rig.CountAsync("POST", "/auth/token", 1));
        Assert.Equal(2, await rig.CountAsync("GET", "/api/Tickets", 2));
        Assert.Equal([401, 200], rig.Sim.Requests.Entries.Where(e => e.Method == "GET").Select(e => e.StatusCode));
        Assert.Equal(2, rig.Gate.Reads - gateBefore);
    }

    [Fact]
    public async Task A_persistent_401_is_an_authentication_error_without_a_loop()
    {
        await using var rig = await HaloRig.StartAsync();
        var tokens = new FixedTokenSource("not-a-real-token");
        var client = rig.NewClient(tokens);

        var error = await Assert.ThrowsAsync<HaloAuthenticationException>(() => client.ListStatusesAsync(default));

        Assert.Equal(2, await rig.CountAsync("GET", "/api/Status", 2));
        Assert.Equal(2, tokens.Invalidations);
        Assert.Equal(2, rig.Gate.Reads);
        Assert.Contains("check the client id and secret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_secret_is_an_authentication_error_that_leaks_nothing()
    {
        const string secret = "s3cr3t-guid-1111-2222";
        await using var rig = await HaloRig.StartAsync(configureConnection: c => c with { ClientSecret = secret });

        var direct = await Assert.ThrowsAsync<HaloAuthenticationException>(() => rig.TokenClient.RequestTokenAsync(default));
        var viaClient = await Assert.ThrowsAsync<HaloAuthenticationException>(() => rig.Client.ListStatusesAsync(default));

        foreach (var error in new[] { direct, viaClient })
        {
            Assert.Contains("check the client id and secret", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(rig.Sim.ClientSecret, error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, rig.Count("GET", "/api"));
        Assert.DoesNotContain(secret, rig.Connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_and_connection_text_never_show_secrets()
    {
        await using var rig = await HaloRig.StartAsync();
        var token = await rig.Tokens.GetTokenAsync(default);

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(rig.Sim.ClientSecret, rig.Connection.ToString(), StringComparison.Ordinal);
        Assert.Contains(rig.Sim.ClientId, rig.Connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_drops_only_the_rejected_token()
    {
        await using var rig = await HaloRig.StartAsync();
        var first = await rig.Tokens.GetTokenAsync(default);
        rig.Tokens.Invalidate(first);
        var second = await rig.Tokens.GetTokenAsync(default);

        rig.Tokens.Invalidate(first); // stale rejection: the newer token stays
        var stillSecond = await rig.Tokens.GetTokenAsync(default);

        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(second, stillSecond);
        Assert.Equal(2, await rig.CountAsync("POST", "/auth/token", 2));
    }

    [Fact]
    public async Task Hosted_tenant_is_sent_on_the_token_url()
    {
        await using var rig = await HaloRig.StartAsync(configureConnection: c => c with
        {
            BaseUrl = c.BaseUrl.TrimEnd('/'),
            Tenant = "demo",
        });

        var statuses = await rig.Client.ListStatusesAsync(default);

        Assert.NotEmpty(statuses);
        Assert.Contains((await rig.SettledEntriesAsync()), e => e.Path.EndsWith("/auth/token", StringComparison.Ordinal) && e.Query.Contains("tenant=demo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_scope_is_an_authentication_error_naming_it()
    {
        await using var rig = await HaloRig.StartAsync(s => s.AllowedScopes = ["read:tickets"]);

        var error = await Assert.ThrowsAsync<HaloAuthenticationException>(() => rig.TokenClient.RequestTokenAsync(default));

        Assert.Contains("refused the requested scope 'all'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_scope_is_a_permission_error_naming_it()
    {
        await using var rig = await HaloRig.StartAsync(configureConnection: c => c with { Scope = "read:customers" });

        var clients = await rig.Client.ListClientsAsync(new ClientQuery(), default);
        var error = await Assert.ThrowsAsync<HaloPermissionException>(() => rig.Client.ListTicketsAsync(new TicketQuery(), default));

        Assert.NotEmpty(clients.Items);
        Assert.Equal("read:tickets", error.Scope);
        Assert.Contains("lacks permission read:tickets", error.Message, StringComparison.Ordinal);
    }
}
