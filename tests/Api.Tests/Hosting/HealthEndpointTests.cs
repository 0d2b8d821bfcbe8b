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
