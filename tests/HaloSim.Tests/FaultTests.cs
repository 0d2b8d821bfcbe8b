using System.Net;
using System.Text;

namespace HaloMcp.HaloSim.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Latency_is_real_time_so_concurrent_requests_overlap()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Demo.Faults.Latency = TimeSpan.FromMilliseconds(300);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }));
        var calls = sim.Demo.Requests.Entries.Where(e => e.Path == "/api/Status").ToList();
        Assert.Equal(4, calls.Count);
        Assert.Contains(calls, a => calls.Any(b => a != b && a.StartSequence < b.EndSequence && b.StartSequence < a.EndSequence));
    }

    [Fact]
    public async Task Sequential_requests_never_overlap_in_the_log()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        for (var i = 0; i < 5; i++)
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
        }

        var calls = sim.Demo.Requests.Entries.OrderBy(e => e.StartSequence).ToList();
        for (var i = 1; i < calls.Count; i++)
        {
            Assert.True(calls[i - 1].EndSequence < calls[i].StartSequence);
        }
    }

    private static async Task<List<HttpStatusCode>> RunWithErrorRate(int seed)
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Demo.Faults.SeedErrors(seed);
        sim.Demo.Faults.ErrorRate = 0.4;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            statuses.Add(r.StatusCode);
        }

        return statuses;
    }

    [Fact]
    public async Task Error_rate_is_deterministic_and_uses_500_502_503()
    {
        var first = await RunWithErrorRate(7);
        var second = await RunWithErrorRate(7);
        Assert.Equal(first, second);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.BadGateway, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
        Assert.All(first, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable }));
    }

    [Fact]
    public async Task Forced_429_burst_hits_the_next_n_requests_without_consuming_budget()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        sim.Demo.Faults.ForceRateLimit(3);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var r = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            statuses.Add(r.StatusCode);
        }

        Assert.Equal([(HttpStatusCode)429, (HttpStatusCode)429, (HttpStatusCode)429, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(2, sim.Demo.Requests.Entries.Count(e => e.BudgetCounted));
    }

    [Fact]
    public async Task Apply_then_fail_commits_the_write_and_answers_500()
    {
        await using var sim = await SimTestHost.StartAsync();
        sim.Demo.Faults.ApplyThenFail(1);
        var count = sim.Demo.Data.Count(SimEntityKind.Client);
        var (status, body) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"Half Written Ltd\"}]");
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal("System.Exception", body.Str("ClassName"));
        Assert.Equal(count + 1, sim.Demo.Data.Count(SimEntityKind.Client));
        Assert.Contains(sim.Demo.Data.All(SimEntityKind.Client), c => c.Str("name") == "Half Written Ltd");
        var (next, _) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"Fine Ltd\"}]");
        Assert.Equal(HttpStatusCode.OK, next);
    }

    [Fact]
    public async Task Apply_then_fail_can_abort_the_connection_and_target_a_path()
    {
        await using var sim = await SimTestHost.StartAsync();
        sim.Demo.Faults.ApplyThenFail(1, SimPostFailureMode.Abort, "/api/Actions");
        var token = await sim.TokenAsync();
        var (client, _) = await sim.PostJsonAsync("api/Client", "[{\"name\":\"Unaffected Ltd\"}]", token);
        Assert.Equal(HttpStatusCode.OK, client);

        var ticket = sim.Demo.Data.All(SimEntityKind.Ticket)[0].Field("id");
        var actions = sim.Demo.Data.Count(SimEntityKind.Action);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            sim.SendAsync(HttpMethod.Post, "api/Actions", token, $"[{{\"ticket_id\":{ticket},\"outcome\":\"Private Note\",\"note\":\"lost reply\"}}]"));
        Assert.Equal(actions + 1, sim.Demo.Data.Count(SimEntityKind.Action));

        // The client can see the dropped connection before the server's side of the abort has finished: wait for the
        // entry (bounded), then check it.
        bool Logged() => sim.Demo.Requests.Entries.Any(e => e.Aborted && e.Path == "/api/Actions" && e.StatusCode == 0);
        for (var i = 0; i < 500 && !Logged(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(Logged(), "the aborted POST is in the request log");
    }

    [Fact]
    public async Task Faults_can_be_set_over_http()
    {
        await using var sim = await SimTestHost.StartAsync();
        var token = await sim.TokenAsync();
        using (var set = await sim.Http.PostAsync("_sim/faults/demo", new StringContent("{\"force_429\":2}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            using var limited = await sim.SendAsync(HttpMethod.Get, "api/Status", token);
            Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        }

        using (var revoke = await sim.Http.PostAsync("_sim/faults/demo", new StringContent("{\"revoke_tokens\":true}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        using (var revoked = await sim.SendAsync(HttpMethod.Get, "api/Status", token))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        }

        using (var fail = await sim.Http.PostAsync("_sim/faults/demo", new StringContent("{\"apply_then_fail\":1,\"apply_then_fail_mode\":\"error\",\"latency_ms\":1}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, fail.StatusCode);
        }

        Assert.Equal(1, sim.Demo.Faults.PendingApplyThenFail);
        Assert.Equal(TimeSpan.FromMilliseconds(1), sim.Demo.Faults.Latency);
        using (var reset = await sim.Http.PostAsync("_sim/faults/demo", new StringContent("{\"reset\":true}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        }

        Assert.Equal(0, sim.Demo.Faults.PendingApplyThenFail);
        using var unknown = await sim.Http.PostAsync("_sim/faults/nope", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
