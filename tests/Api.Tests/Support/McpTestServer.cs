using HaloMcp.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Client;

namespace HaloMcp.Api.Tests.Support;

/// <summary>The real server on Kestrel at 127.0.0.1 with a random port, plus the test tools and a log capture.</summary>
public sealed class McpTestServer : IAsyncDisposable
{
    private McpTestServer(WebApplication app, TenantFile tenants, CapturedLogs logs, Uri baseUrl)
    {
        App = app;
        Tenants = tenants;
        Logs = logs;
        BaseUrl = baseUrl;
    }

    public WebApplication App { get; }

    public TenantFile Tenants { get; }

    public CapturedLogs Logs { get; }

    public Uri BaseUrl { get; }

    public Uri McpUrl => new(BaseUrl, "/mcp");

    public ToolProbe Probe => App.Services.GetRequiredService<ToolProbe>();

    public static Task<McpTestServer> StartAsync(TenantFile? tenants = null, params string[] extraArgs) => StartAsync(tenants, null, extraArgs);

    /// <summary>Starts the server; <paramref name="configureServices"/> runs last, so its registrations win (e.g. a fake clock).</summary>
    public static async Task<McpTestServer> StartAsync(TenantFile? tenants, Action<IServiceCollection>? configureServices, params string[] extraArgs)
    {
        tenants ??= new TenantFile();
        var logs = new CapturedLogs();
        string[] args = ["--urls", "http://127.0.0.1:0", "--tenants-file", tenants.Path, "--Logging:LogLevel:Default=Trace", "--Logging:Console:LogLevel:Default=Warning", .. extraArgs];
        try
        {
            return await StartAsync(tenants, logs, configureServices, args);
        }
        catch
        {
            tenants.Dispose();
            throw;
        }
    }

    private static async Task<McpTestServer> StartAsync(TenantFile tenants, CapturedLogs logs, Action<IServiceCollection>? configureServices, string[] args)
    {
        var app = HaloMcpHost.BuildWebApplication(
            HostCommandLine.Parse(args),
            new HaloMcpHostHooks
            {
                ConfigureMcpServer = mcp => mcp.WithTools<TestTools>(),
                ConfigureServices = services =>
                {
                    services.AddSingleton<ILoggerProvider>(logs);
                    services.AddSingleton<TenantDataStore>();
                    services.AddSingleton<ToolProbe>();
                    configureServices?.Invoke(services);
                },
            });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new McpTestServer(app, tenants, logs, new Uri(address));
    }

    public async Task<McpClient> ConnectAsync(string apiKey, string? protocolVersion = "2025-11-25", IDictionary<string, string>? headers = null)
    {
        var allHeaders = new Dictionary<string, string>(headers ?? new Dictionary<string, string>()) { ["Authorization"] = "Bearer " + apiKey };
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = McpUrl,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = allHeaders,
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion });
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseUrl };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Tenants.Dispose();
    }
}
