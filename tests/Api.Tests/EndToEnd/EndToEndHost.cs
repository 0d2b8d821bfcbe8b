using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using Orleans.TestingHost;

namespace HaloMcp.Api.Tests.EndToEnd;

/// <summary>
/// The HaloPSA simulator (instances <c>alpha</c> and <c>beta</c>, different seeds and sizes) and the real MCP server
/// on Kestrel at 127.0.0.1, with tenants <c>alpha</c>, <c>beta</c> and <c>broken</c> (alpha's instance, wrong secret).
/// <see cref="StartWithWebhooksAsync"/> runs both on one <see cref="FakeTimeProvider"/> and gives alpha and beta webhook
/// credentials; each instance's webhook profile then posts every change to its tenant's receiver.
/// </summary>
public sealed class EndToEndHost : IAsyncDisposable
{
    public const string AlphaKey = "hmk_e2e-alpha-key-6f1d2c3b4a5e6f708192a3b4c5d6";
    public const string BetaKey = "hmk_e2e-beta-key-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6";
    public const string BrokenKey = "hmk_e2e-broken-key-5c4b3a29180716f5e4d3c2b1a09f";
    public const string AlphaSecret = "alpha-halo-secret-d41d8cd98f00";
    public const string BetaSecret = "beta-halo-secret-9e107d9d372b";
    public const string BrokenSecret = "broken-halo-secret-e4da3b7fbbce";
    public const string AlphaWebhookUser = "halopsa-alpha";
    public const string AlphaWebhookPassword = "alpha-webhook-password-0f9e8d7c6b5a49382716";
    public const string BetaWebhookUser = "halopsa-beta";
    public const string BetaWebhookPassword = "beta-webhook-password-1a2b3c4d5e6f70819203";

    /// <summary>Alpha has tickets 1..400; beta only 1..100 (its projects follow at 101..108), so 250 exists only in alpha.</summary>
    public const int TicketOnlyInAlpha = 250;

    private EndToEndHost(HaloSimHost sim, WebApplication app, LogCapture logs, Uri mcpUrl, FakeTimeProvider? clock)
    {
        Sim = sim;
        App = app;
        Logs = logs;
        McpUrl = mcpUrl;
        Clock = clock;
    }

    /// <summary>The clock of the simulator and the server, when they share a fake one.</summary>
    public FakeTimeProvider? Clock { get; }

    /// <summary>Where tenant <paramref name="tenant"/>'s HaloPSA posts its webhooks.</summary>
    public Uri WebhookUrl(string tenant) => new(McpUrl, "/webhooks/halopsa/" + tenant);

    public HaloSimHost Sim { get; }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    public Uri McpUrl { get; }

    public SimInstance Alpha => Sim.Instance("alpha");

    public SimInstance Beta => Sim.Instance("beta");

    public static SimSizeOptions AlphaSizes() => new()
    {
        Clients = 30, Sites = 60, Users = 150, Tickets = 400, Actions = 1600, Assets = 150, Contracts = 30, Invoices = 400,
        RecurringInvoices = 40, Agents = 8, Teams = 6, Projects = 8, Reports = 12,
    };

    public static SimSizeOptions BetaSizes() => new()
    {
        Clients = 20, Sites = 40, Users = 80, Tickets = 100, Actions = 300, Assets = 60, Contracts = 15, Invoices = 150,
        RecurringInvoices = 20, Agents = 5, Teams = 4, Projects = 8, Reports = 6,
    };

    public static Task<EndToEndHost> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <summary>
    /// Both on <paramref name="clock"/>, alpha and beta with webhook credentials, and each instance's webhook profile
    /// ("HaloMcp", every event, Basic) posting to its tenant's receiver.
    /// </summary>
    public static async Task<EndToEndHost> StartWithWebhooksAsync(FakeTimeProvider clock, params string[] extraArgs)
    {
        string[] webhooks =
        [
            "--Tenants:0:Webhook:Username=" + AlphaWebhookUser, "--Tenants:0:Webhook:PasswordHash=" + ApiKeyHash.Compute(AlphaWebhookPassword),
            "--Tenants:1:Webhook:Username=" + BetaWebhookUser, "--Tenants:1:Webhook:PasswordHash=" + ApiKeyHash.Compute(BetaWebhookPassword),
        ];
        var host = await StartAsync(clock, [.. webhooks, .. extraArgs]);
        host.Alpha.Webhooks.Configure([Profile(host.WebhookUrl("alpha"), AlphaWebhookUser, AlphaWebhookPassword)]);
        host.Beta.Webhooks.Configure([Profile(host.WebhookUrl("beta"), BetaWebhookUser, BetaWebhookPassword)]);
        return host;
    }

    /// <summary>The webhook profile HaloMcp's documentation asks for: every event, Basic with the tenant's credential.</summary>
    public static SimWebhookOptions Profile(Uri url, string username, string password, SimWebhookBatching batching = SimWebhookBatching.None, int batchDelaySeconds = 0) => new()
    {
        Id = "7f0c7c8e-0000-4000-8000-00000000000" + (username == AlphaWebhookUser ? "1" : "2"),
        Name = "HaloMcp",
        Url = url.ToString(),
        Authentication = SimWebhookAuthentication.Basic,
        BasicUsername = username,
        BasicPassword = password,
        BatchMethod = batching,
        BatchDelaySeconds = batchDelaySeconds,
    };

    /// <summary>Both on <paramref name="clock"/> (none: real time), no tenant receiving webhooks.</summary>
    public static async Task<EndToEndHost> StartAsync(FakeTimeProvider? clock, params string[] extraArgs)
    {
        var sim = await HaloSimHost.StartAsync(
            new HaloSimOptions
            {
                Instances =
                [
                    Instance("alpha", AlphaSecret, seed: 11, AlphaSizes()),
                    Instance("beta", BetaSecret, seed: 22, BetaSizes()),
                ],
            },
            clock,
            loggerFactory: NullLoggerFactory.Instance);
        var logs = new LogCapture();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:Console:LogLevel:Default=None",
            .. Tenant(0, "alpha", sim.InstanceUrl("alpha"), "alpha-client", AlphaSecret, AlphaKey),
            .. Tenant(1, "beta", sim.InstanceUrl("beta"), "beta-client", BetaSecret, BetaKey),
            .. Tenant(2, "broken", sim.InstanceUrl("alpha"), "alpha-client", BrokenSecret, BrokenKey),
            .. extraArgs,
        ];
        var app = HaloMcpHost.BuildWebApplication(
            HostCommandLine.Parse(args),
            new HaloMcpHostHooks
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                    if (clock is not null)
                    {
                        // The grains' caches, budget and timers follow the test's clock; Orleans' own membership and
                        // messaging stay on real time.
                        services.AddSingleton<TimeProvider>(clock);
                        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
                    }
                },
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new EndToEndHost(sim, app, logs, new Uri(new Uri(address), "/mcp"), clock);
    }

    public async Task<McpClient> ConnectAsync(string apiKey)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + apiKey },
        });
        return await McpClient.CreateAsync(transport);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Sim.DisposeAsync();
    }

    private static SimInstanceOptions Instance(string name, string secret, int seed, SimSizeOptions sizes) => new()
    {
        Name = name,
        ClientId = name + "-client",
        ClientSecret = secret,
        Seed = seed,
        Sizes = sizes,
        Budget = new SimBudgetOptions { Requests = 1_000_000, WindowSeconds = 60 },
    };

    private static string[] Tenant(int index, string id, Uri haloUrl, string clientId, string secret, string apiKey)
    {
        var prefix = $"--Tenants:{index}:";
        return
        [
            prefix + "Id=" + id,
            prefix + "HaloUrl=" + haloUrl.ToString().TrimEnd('/'),
            prefix + "ClientId=" + clientId,
            prefix + "ClientSecret=" + secret,
            prefix + "Budget:Requests=1000000",
            prefix + "Budget:WindowSeconds=60",
            prefix + "ApiKeyHashes:0=" + ApiKeyHash.Compute(apiKey),
        ];
    }
}
