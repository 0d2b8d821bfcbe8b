using System.Net;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Tests.Support;

namespace HaloMcp.Api.Tests.Hosting;

/// <summary>The container health check's endpoint: open without a key, still behind host filtering, and telling nothing else.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_answers_without_a_key_and_says_only_healthy()
    {
        await using var server = await McpTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await http.GetAsync(new Uri(HaloMcpHost.HealthPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("WWW-Authenticate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Probes_leave_no_refused_request_in_the_log()
    {
        // A container probe every 15 s must not read as a stream of unauthenticated callers.
        await using var server = await McpTestServer.StartAsync();
        using var http = server.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(new Uri(HaloMcpHost.HealthPath, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var unauthenticated = await http.SendAsync(RawMcp.Post(RawMcp.ListTools, apiKey: null));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        var refused = server.Logs.AllText.Split('\n').Count(l => l.Contains("Refused an unauthenticated request", StringComparison.Ordinal));
        Assert.Equal(1, refused);
    }

    [Fact]
    public async Task Healthz_is_refused_for_a_host_name_not_allowed()
    {
        await using var server = await McpTestServer.StartAsync();
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(HaloMcpHost.HealthPath, UriKind.Relative));
        request.Headers.Host = "attacker.example.com";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
