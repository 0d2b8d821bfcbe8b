using HaloMcp.Api.Auth;
using HaloMcp.Api.Hosting;
using HaloMcp.HaloSim;
using HaloMcp.HaloSim.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ModelContextProtocol.Client;
using Orleans;
using HaloMcp.Api.Tests.EndToEnd;

namespace HaloMcp.Api.Tests.OAuth;

/// <summary>
/// The simulator (instances <c>alpha</c> and <c>beta</c>, each with an agents' sign-in application) and the real server
/// on Kestrel at 127.0.0.1, on one controllable clock. Tenants: <c>alpha</c> and <c>beta</c> (key and HaloPSA sign-in),
/// <c>frozen</c> (alpha's instance, read-only, key only).
/// </summary>
public sealed class OAuthHost : IAsyncDisposable
{
    public const string AlphaKey = "hmk_oauth-alpha-key-6f1d2c3b4a5e6f708192a3b4c5d6";
    public const string BetaKey = "hmk_oauth-beta-key-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6";
    public const string FrozenKey = "hmk_oauth-frozen-key-5c4b3a29180716f5e4d3c2b1a09f";
    public const string AlphaSecret = "alpha-halo-secret-d41d8cd98f00";
    public const string BetaSecret = "beta-halo-secret-9e107d9d372b";
    public const string SignInApp = "agents";

    private OAuthHost(HaloSimHost sim, WebApplication app, LogCapture logs, Uri baseUrl, FakeTimeProvider clock)
    {
        Sim = sim;
        App = app;
        Logs = logs;
        BaseUrl = baseUrl;
        Clock = clock;
    }

    public HaloSimHost Sim { get; }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    public Uri BaseUrl { get; }

    public Uri McpUrl => new(BaseUrl, "/mcp");

    public string Issuer => BaseUrl.GetLeftPart(UriPartial.Authority);

    public FakeTimeProvider Clock { get; }

    public SimInstance Alpha => Sim.Instance("alpha");

    public SimInstance Beta => Sim.Instance("beta");

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public static async Task<OAuthHost> StartAsync(params string[] extraArgs)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var sim = await HaloSimHost.StartAsync(
            new HaloSimOptions { Instances = [Instance("alpha", AlphaSecret, 11, EndToEndHost.AlphaSizes()), Instance("beta", BetaSecret, 22, EndToEndHost.BetaSizes())] },
            clock,
            loggerFactory: NullLoggerFactory.Instance);
        var logs = new LogCapture();
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Trace",
            "--Logging:Console:LogLevel:Default=None",
            "--OAuth:AllowPrivateClientMetadataUrls=true",
            .. Tenant(0, "alpha", sim.InstanceUrl("alpha"), "alpha-client", AlphaSecret, AlphaKey, agentSignIn: true),
            .. Tenant(1, "beta", sim.InstanceUrl("beta"), "beta-client", BetaSecret, BetaKey, agentSignIn: true),
            .. Tenant(2, "frozen", sim.InstanceUrl("alpha"), "alpha-client", AlphaSecret, FrozenKey, agentSignIn: false),
            "--Tenants:2:ReadOnly=true",
            .. extraArgs,
        ];
        var app = HaloMcpHost.BuildWebApplication(
            HostCommandLine.Parse(args),
            new HaloMcpHostHooks
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                    services.AddSingleton<TimeProvider>(clock);
                },
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new OAuthHost(sim, app, logs, new Uri(address), clock);
    }

    /// <summary>An MCP client that sends <paramref name="bearer"/> (an API key or an access token).</summary>
    public async Task<McpClient> ConnectAsync(string bearer)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearer },
        });
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>A browser-like client of the authorization server (cookies kept, redirects not followed).</summary>
    public OAuthBrowser Browser() => new(this);

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
        Applications =
        [
            new SimApplicationOptions
            {
                Name = "HaloMcp (agents)",
                ClientId = SignInApp,
                AuthenticationMethod = SimAuthenticationMethod.AuthorizationCode,
                RedirectUris = ["http://127.0.0.1/oauth/halopsa/callback"],
            },
        ],
    };

    private static string[] Tenant(int index, string id, Uri haloUrl, string clientId, string secret, string apiKey, bool agentSignIn)
    {
        var prefix = $"--Tenants:{index}:";
        string[] tenant =
        [
            prefix + "Id=" + id,
            prefix + "HaloUrl=" + haloUrl.ToString().TrimEnd('/'),
            prefix + "ClientId=" + clientId,
            prefix + "ClientSecret=" + secret,
            prefix + "Budget:Requests=1000000",
            prefix + "Budget:WindowSeconds=60",
            prefix + "ApiKeyHashes:0=" + ApiKeyHash.Compute(apiKey),
        ];
        return agentSignIn ? [.. tenant, prefix + "AgentSignIn:ClientId=" + SignInApp] : tenant;
    }
}
