using System.Net;
using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

public sealed class BudgetTests
{
    private static SimInstanceOptions Limited(int requests, int windowSeconds, bool retryAfter = false) =>
        SimTestHost.Instance(configure: o => o.Budget = new SimBudgetOptions { Requests = requests, WindowSeconds = windowSeconds, SendRetryAfter = retryAfter });

    [Fact]
    public async Task Over_budget_is_429_with_the_real_message_and_no_retry_after()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(5, 300));
        var token = await sim.TokenAsync();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await sim.SendAsync(HttpMethod.Get, "api/Tickets", token);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Null(limited.Headers.RetryAfter);
        Assert.Equal("Rate Limit Reached - 5 Requests per rolling 5 minute window", JsonNode.Parse(await limited.Content.ReadAsStringAsync()).Str("error"));
    }

    [Fact]
    public async Task Default_budget_message_matches_hosted_tenants()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(300, 300));
        sim.Demo.Faults.ForceRateLimit(1);
        using var limited = await sim.SendAsync(HttpMethod.Get, "api/Status", await sim.TokenAsync());
        Assert.Equal("Rate Limit Reached - 300 Requests per rolling 5 minute window", JsonNode.Parse(await limited.Content.ReadAsStringAsync()).Str("error"));
    }

    [Fact]
    public async Task Window_rolls_on_the_manual_clock_and_429s_do_not_consume_budget()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(3, 60));
        var token = await sim.TokenAsync();
        async Task<HttpStatusCode> Call()
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            return r.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await Call());              // t=0
        sim.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, await Call());              // t=20
        Assert.Equal(HttpStatusCode.OK, await Call());              // t=20
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal((HttpStatusCode)429, await Call());        // refused, not counted
        }

        sim.Clock.Advance(TimeSpan.FromSeconds(39));                // t=59: the t=0 request is still in the window
        Assert.Equal((HttpStatusCode)429, await Call());
        sim.Clock.Advance(TimeSpan.FromSeconds(1));                 // t=60: it has left the window
        Assert.Equal(HttpStatusCode.OK, await Call());
        Assert.Equal((HttpStatusCode)429, await Call());
        sim.Clock.Advance(TimeSpan.FromSeconds(20));                // t=80: both t=20 requests left
        Assert.Equal(HttpStatusCode.OK, await Call());
        Assert.Equal(HttpStatusCode.OK, await Call());
        Assert.Equal((HttpStatusCode)429, await Call());

        var entries = sim.Demo.Requests.Entries.Where(e => e.Path.StartsWith("/api", StringComparison.Ordinal)).ToList();
        Assert.All(entries.Where(e => e.StatusCode == 429), e => Assert.False(e.BudgetCounted));
        Assert.All(entries.Where(e => e.StatusCode == 200), e => Assert.True(e.BudgetCounted));
    }

    [Fact]
    public async Task Auth_token_requests_are_not_budgeted()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(2, 300));
        for (var i = 0; i < 5; i++)
        {
            using var response = await sim.RequestTokenAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var token = await sim.TokenAsync();
        using var first = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(sim.Demo.Requests.Entries.Where(e => e.Path.StartsWith("/auth", StringComparison.Ordinal)), e => Assert.False(e.BudgetCounted));
    }

    [Fact]
    public async Task Retry_after_is_sent_when_configured()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(1, 120, retryAfter: true));
        var token = await sim.TokenAsync();
        using (var ok = await sim.SendAsync(HttpMethod.Get, "api/Status", token))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        sim.Clock.Advance(TimeSpan.FromSeconds(30));
        using var limited = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Concurrent_callers_never_get_more_than_the_budget()
    {
        await using var sim = await SimTestHost.StartAsync(Limited(25, 300));
        var token = await sim.TokenAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            return r.StatusCode;
        }));
        Assert.Equal(25, results.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(35, results.Count(s => s == (HttpStatusCode)429));
    }
}
