using System.Net;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;

namespace HaloMcp.HaloSim.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Request_log_records_every_request_with_clock_times()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Clock.Advance(TimeSpan.FromMinutes(1));
        using (var r = await sim.SendAsync(HttpMethod.Get, "api/Tickets?count=2&client_id=1", token))
        {
        }

        using (var r = await sim.SendAsync(HttpMethod.Get, "api/Tickets", null))
        {
        }

        var entries = sim.Demo.Requests.Entries;
        Assert.Equal(3, entries.Count);
        Assert.Equal(("POST", "/auth/token", 200, false), (entries[0].Method, entries[0].Path, entries[0].StatusCode, entries[0].BudgetCounted));
        var list = entries[1];
        Assert.Equal(("GET", "/api/Tickets", "?count=2&client_id=1", 200, true), (list.Method, list.Path, list.Query, list.StatusCode, list.BudgetCounted));
        Assert.Equal(sim.Clock.GetUtcNow(), list.StartedAt);
        Assert.Equal(sim.Clock.GetUtcNow(), list.EndedAt);
        Assert.True(list.StartSequence < list.EndSequence);
        Assert.Equal(401, entries[2].StatusCode);
        Assert.Equal(2, sim.Demo.Requests.Count("GET", "/api/tickets"));
        Assert.Equal(3, sim.Demo.Requests.Count("*", "/"));
        sim.Demo.Requests.Reset();
        Assert.Empty(sim.Demo.Requests.Entries);
    }

    [Fact]
    public async Task Stats_over_http_group_by_method_path_and_status_and_reset()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        using (var a = await sim.SendAsync(HttpMethod.Get, "api/Tickets/1", token))
        using (var b = await sim.SendAsync(HttpMethod.Get, "api/Tickets/2", token))
        using (var c = await sim.SendAsync(HttpMethod.Get, "api/Tickets/999999", token))
        using (var d = await sim.SendAsync(HttpMethod.Get, "api/Status", null))
        {
        }

        sim.Demo.Faults.ForceRateLimit(1);
        using (var e = await sim.SendAsync(HttpMethod.Get, "api/Status", token))
        {
        }

        var statsText = await sim.Http.GetStringAsync("_sim/stats");
        var demo = JsonNode.Parse(statsText)!["instances"]!["demo"]!;
        Assert.Equal(6, demo.Int("total"));
        Assert.Equal(1, demo.Int("rate_limited"));
        var endpoints = demo["endpoints"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var byId = endpoints.Single(x => x.Str("path") == "/api/tickets/{id}" && x.Str("method") == "GET");
        Assert.Equal(3, byId.Int("total"));
        Assert.Equal(2, byId["by_status"].Int("200"));
        Assert.Equal(1, byId["by_status"].Int("404"));
        var status = endpoints.Single(x => x.Str("path") == "/api/status");
        Assert.Equal(1, status["by_status"].Int("401"));
        Assert.Equal(1, status["by_status"].Int("429"));

        // /_sim itself is neither logged nor needs a token.
        Assert.Equal(6, sim.Demo.Requests.Entries.Count);
        using (var reset = await sim.Http.PostAsync("_sim/stats/reset", null))
        {
            Assert.True(reset.IsSuccessStatusCode);
        }

        var after = JsonNode.Parse(await sim.Http.GetStringAsync("_sim/stats"))!["instances"]!["demo"]!;
        Assert.Equal(0, after.Int("total"));
        Assert.Empty(sim.Demo.Requests.Entries);
    }

    [Fact]
    public async Task Request_log_over_http_lists_each_request_with_its_query_status_and_times()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Clock.Advance(TimeSpan.FromSeconds(90));
        using (var r = await sim.SendAsync(HttpMethod.Get, "api/Tickets?count=2&client_id=1", token))
        {
        }

        using (var r = await sim.SendAsync(HttpMethod.Get, "api/Tickets/999999", token))
        {
        }

        var log = JsonNode.Parse(await sim.Http.GetStringAsync("_sim/requests/demo"))!;
        Assert.Equal("demo", log.Str("instance"));
        var requests = log.Items("requests");
        Assert.Equal(3, requests.Count);
        Assert.Equal(("POST", "/auth/token", 200, false), (requests[0].Str("method"), requests[0].Str("path"), requests[0].Int("status"), requests[0].Bool("budget_counted")));
        Assert.Equal(("GET", "/api/Tickets", "?count=2&client_id=1", 200, true), (requests[1].Str("method"), requests[1].Str("path"), requests[1].Str("query"), requests[1].Int("status"), requests[1].Bool("budget_counted")));
        Assert.Equal(404, requests[2].Int("status"));
        var expected = (sim.Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        Assert.Equal(expected, (long)Json.Num(requests[1]["started_us"]));
        Assert.Equal(expected, (long)Json.Num(requests[1]["ended_us"]));
        Assert.Equal(expected - 90_000_000, (long)Json.Num(requests[0]["started_us"]));

        using var unknown = await sim.Http.GetAsync("_sim/requests/nosuch");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
