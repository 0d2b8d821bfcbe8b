using System.Text.Json.Nodes;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.HaloSim;
using Microsoft.AspNetCore.Builder;

namespace HaloMcp.Bench.Micro;

/// <summary>The real server (built as the executable builds it) against an in-process simulator, for warm-cache benchmarks.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    // Made per run: a fixed literal key would read like a committed secret; this one opens only the in-process server.
    public static readonly string ApiKey = "hmk_" + Guid.NewGuid().ToString("N");
    public const string TenantId = "micro";

    private readonly HaloSimHost _sim;
    private readonly string _tenantsFile;

    private InProcessServer(HaloSimHost sim, string tenantsFile, WebApplication app)
    {
        _sim = sim;
        _tenantsFile = tenantsFile;
        App = app;
    }

    public WebApplication App { get; }

    public static async Task<InProcessServer> StartAsync()
    {
        var sim = await HaloSimHost.StartAsync();
        var tenantsFile = Path.Combine(Path.GetTempPath(), $"halomcp-micro-{Guid.NewGuid():N}.json");
        var tenants = new JsonObject
        {
            ["Tenants"] = new JsonArray(new JsonObject
            {
                ["Id"] = TenantId,
                ["HaloUrl"] = sim.InstanceUrl("demo").ToString().TrimEnd('/'),
                ["ClientId"] = "demo-client",
                ["ClientSecret"] = "demo-secret",
                ["ApiKeyHashes"] = new JsonArray(ApiKeyHash.Compute(ApiKey)),
            }),
        };
        await File.WriteAllTextAsync(tenantsFile, tenants.ToJsonString());
        var app = HaloMcpHost.BuildWebApplication(HostCommandLine.Parse(
            ["--tenants-file", tenantsFile, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]));
        await app.StartAsync();
        return new InProcessServer(sim, tenantsFile, app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _sim.DisposeAsync();
        File.Delete(_tenantsFile);
    }
}
