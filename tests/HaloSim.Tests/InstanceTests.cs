using System.Net;
using System.Text.Json.Nodes;
using HaloMcp.HaloSim;

namespace HaloMcp.HaloSim.Tests;

public sealed class InstanceTests
{
    [Fact]
    public async Task Instances_are_isolated_in_data_credentials_budget_log_and_faults()
    {
        await using var sim = await SimTestHost.StartAsync(
            SimTestHost.Instance("demo", seed: 1),
            SimTestHost.Instance("acme", seed: 2, configure: o => o.Budget = new SimBudgetOptions { Requests = 2, WindowSeconds = 300 }));
        var demo = await sim.TokenAsync("demo");
        var acme = await sim.TokenAsync("acme");

        // Credentials are per instance.
        using (var cross = await sim.Http.PostAsync("acme/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "demo-client", ["client_secret"] = "demo-secret", ["scope"] = "all",
        })))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, cross.StatusCode);
        }

        // Writes land in one instance only.
        var (status, created) = await sim.PostJsonAsync("acme/api/Client", "[{\"name\":\"Only In Acme\"}]", acme);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(sim.Host.Instance("acme").Data.All(SimEntityKind.Client), c => c.Str("name") == "Only In Acme");
        Assert.DoesNotContain(sim.Host.Instance("demo").Data.All(SimEntityKind.Client), c => c.Str("name") == "Only In Acme");
        _ = created;

        // Budget is per instance: acme is now exhausted after one more call, demo is not.
        using (var second = await sim.SendAsync(HttpMethod.Get, "acme/api/Status", acme))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (var third = await sim.SendAsync(HttpMethod.Get, "acme/api/Status", acme))
        {
            Assert.Equal((HttpStatusCode)429, third.StatusCode);
        }

        using (var demoCall = await sim.SendAsync(HttpMethod.Get, "demo/api/Status", demo))
        {
            Assert.Equal(HttpStatusCode.OK, demoCall.StatusCode);
        }

        // Faults are per instance.
        sim.Host.Instance("demo").Faults.ForceRateLimit(5);
        using (var demoLimited = await sim.SendAsync(HttpMethod.Get, "api/Status", demo))
        {
            Assert.Equal((HttpStatusCode)429, demoLimited.StatusCode);
        }

        Assert.Equal(0, sim.Host.Instance("acme").Faults.PendingForced429);

        // Logs are per instance, and the default instance answers at the root too.
        Assert.Equal(3, sim.Host.Instance("acme").Requests.Count("GET", "/api/Status") + sim.Host.Instance("acme").Requests.Count("POST", "/api/Client"));
        Assert.Equal(2, sim.Host.Instance("demo").Requests.Count("GET", "/api/status"));
        Assert.Equal("demo", sim.Host.Instances[0].Name);
    }

    [Fact]
    public async Task Instance_urls_and_lookup()
    {
        await using var sim = await SimTestHost.StartAsync(SimTestHost.Instance("demo"), SimTestHost.Instance("acme", seed: 2));
        Assert.Equal(new Uri(sim.Host.BaseAddress, "acme"), sim.Host.InstanceUrl("acme"));
        Assert.Throws<KeyNotFoundException>(() => sim.Host.Instance("nope"));
        using var http = new HttpClient();
        var token = await sim.TokenAsync("acme");
        using var request = new HttpRequestMessage(HttpMethod.Get, sim.Host.InstanceUrl("acme") + "/api/Status");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsType<JsonArray>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        using var unknown = await http.GetAsync(new Uri(sim.Host.BaseAddress, "nope/api/Status"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
