using System.Net;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace HaloMcp.Api.Tests.Hosting;

/// <summary>The demo opens its simulated tenant only: never a real one, and never the simulator's control surface.</summary>
public sealed class DemoSafetyTests
{
    private const string DemoKey = "hmk_demo-safety-key-0123456789abcdef012345";

    [Fact]
    public async Task The_demo_refuses_to_run_beside_a_tenants_file()
    {
        using var tenants = new TenantFile();

        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync(["--demo", "--tenants-file", tenants.Path, "--urls", "http://127.0.0.1:0"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("cannot be combined with --tenants-file", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("API key", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_refuses_to_run_beside_tenants_from_the_environment()
    {
        var (exitCode, _, stderr) = await ServerProcess.RunAsync(["--demo", "--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["Tenants__0__Id"] = "real",
            ["Tenants__0__HaloUrl"] = "https://real.halopsa.com",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("configured Tenants", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_refuses_a_short_api_key()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunAsync(["--demo", "--demo-api-key", "k", "--urls", "http://127.0.0.1:0"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("at least 32 characters", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("MCP endpoint", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulators_control_surface_is_neither_served_nor_advertised_by_the_mcp_listener()
    {
        await using var demo = await DemoEnvironment.StartAsync(new DemoOptions { Enabled = true, ApiKey = DemoKey }, CancellationToken.None);
        await using var app = HaloMcpHost.BuildWebApplication(HostCommandLine.Parse(["--demo", "--urls", "http://127.0.0.1:0"]), demo: demo);
        await app.StartAsync();
        var baseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        using var http = new HttpClient { BaseAddress = baseUrl };

        using var stats = await http.GetAsync(new Uri("/_sim/stats", UriKind.Relative));
        using var faults = await http.PostAsync(new Uri("/_sim/faults/demo", UriKind.Relative), new StringContent("{}"));
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(baseUrl, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + DemoKey },
        }));
        var connection = await client.CallToolAsync("halopsa_get_connection");
        var tickets = await client.CallToolAsync("halopsa_list_tickets", new Dictionary<string, object?> { ["page_size"] = 1 });

        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, faults.StatusCode);
        var structured = connection.StructuredContent!.Value;
        Assert.Equal("demo", structured.GetProperty("tenant_id").GetString());
        Assert.True(structured.GetProperty("simulated").GetBoolean());
        Assert.False(structured.TryGetProperty("halo_url", out _));
        Assert.DoesNotContain(demo.HaloUrl.Authority, System.Text.Json.JsonSerializer.Serialize(connection), StringComparison.Ordinal);
        Assert.NotEqual(true, tickets.IsError);
    }
}
