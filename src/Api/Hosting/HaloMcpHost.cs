using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Ops;
using HaloMcp.Api.Tenancy;
using HaloMcp.Api.Tools;
using HaloMcp.Grains.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Hosting;

/// <summary>
/// Builds and runs the HaloMcp server: Streamable HTTP (default), stdio (<c>--stdio</c>) or the
/// <c>hash-key</c> command. Tests start the real HTTP server in-process with <see cref="BuildWebApplication"/>.
/// </summary>
public static class HaloMcpHost
{
    /// <summary>The loopback address the HTTP server binds when no URL is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>Runs whatever the command line asks for and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        HostCommandLine commandLine;
        try
        {
            commandLine = HostCommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message.AsMemory(), cancellationToken);
            return 2;
        }

        switch (commandLine.Command)
        {
            case HostCommand.HashKey:
                return HashKeyCommand.Run(commandLine.HashKeyInput, Console.Out);
            case HostCommand.Stdio:
                var stdio = BuildStdioHost(commandLine, Environment.GetEnvironmentVariable, out var error);
                if (stdio is null)
                {
                    await Console.Error.WriteLineAsync(error.AsMemory(), cancellationToken);
                    return 1;
                }

                using (stdio)
                {
                    // The single tenant's id goes on every log line, as it does per request over HTTP.
                    var logger = stdio.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HaloMcpHost).FullName!);
                    using var scope = logger.BeginScope(new TenantLogScope(StdioTenantEnvironment.TenantId));
                    await stdio.RunAsync(cancellationToken);
                }

                return 0;
            default:
                try
                {
                    await using var demo = commandLine.Demo.Enabled ? await DemoEnvironment.StartAsync(commandLine.Demo, cancellationToken) : null;
                    await using var app = BuildWebApplication(commandLine, demo: demo);
                    await app.StartAsync(cancellationToken);
                    if (demo is not null)
                    {
                        await Console.Out.WriteLineAsync(demo.Instructions(McpUrl(app)).AsMemory(), cancellationToken);
                    }

                    await app.WaitForShutdownAsync(cancellationToken);
                    return 0;
                }
                catch (OptionsValidationException ex)
                {
                    await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join("; ", ex.Failures)}".AsMemory(), cancellationToken);
                    return 1;
                }
                catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
                {
                    // Parse errors name the file, line and position, never its contents.
                    var reason = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
                    await Console.Error.WriteLineAsync($"Cannot load configuration: {reason}".AsMemory(), cancellationToken);
                    return 1;
                }
        }
    }

    /// <summary>
    /// Builds the Streamable HTTP server (not started). Binds <see cref="DefaultUrl"/> unless <c>urls</c>,
    /// <c>http_ports</c> or Kestrel endpoints are configured.
    /// </summary>
    public static WebApplication BuildWebApplication(HostCommandLine commandLine, HaloMcpHostHooks? hooks = null, DemoEnvironment? demo = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. commandLine.HostArgs] });
        AddConfigurationDefaults(builder.Configuration);
        if (demo is not null)
        {
            builder.Configuration.AddInMemoryCollection(demo.Configuration());
        }

        var tenantsFile = commandLine.TenantsFile ?? builder.Configuration["TenantsFile"];
        var tenantFileErrors = new TenantFileLoadErrors();
        if (!string.IsNullOrWhiteSpace(tenantsFile))
        {
            builder.Configuration.AddJsonFile(source =>
            {
                source.Path = Path.GetFullPath(tenantsFile);
                source.Optional = false;
                source.ReloadOnChange = true;
                source.OnLoadException = tenantFileErrors.OnLoadException;
                source.ResolveFileProvider();
            });

            // The environment and the command line still override the file.
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine([.. commandLine.HostArgs]);
        }

        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpsPortsKey])
            && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var services = builder.Services;
        var configuredHosts = builder.Configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = configuredHosts is { Length: > 0 } ? configuredHosts : LoopbackHosts);

        services.AddOptions<McpHttpOptions>().BindConfiguration(McpHttpOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpHttpOptions>, McpHttpOptionsValidator>());
        services.AddOptions<TenantCatalogOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantCatalogOptions>, TenantCatalogOptionsValidator>());
        AddDemoOptions(services, commandLine);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantCatalog>();
        services.TryAddSingleton<GatewayTenants>();
        services.TryAddSingleton<TenantAuthenticator>();
        services.TryAddSingleton<OriginPolicy>();
        services.TryAddSingleton<McpHttpEndpoint>();
        services.AddOptions<OpsOptions>().BindConfiguration(OpsOptions.SectionName);
        services.TryAddSingleton<OpsEndpoint>();
        services.TryAddSingleton<ITenantDirectory, HostTenantDirectory>();
        services.TryAddScoped<TenantContext>();

        builder.UseOrleans(silo => silo.UseHaloClustering().AddHaloGrains());
        var mcp = AddMcpServer(services);
        hooks?.ConfigureMcpServer?.Invoke(mcp);
        hooks?.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        tenantFileErrors.ServerStarted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<TenantCatalog>());
        app.UseHostFiltering();
        var endpoint = app.Services.GetRequiredService<McpHttpEndpoint>();
        var path = app.Services.GetRequiredService<IOptions<McpHttpOptions>>().Value.Path;
        app.MapPost(path, endpoint.HandlePostAsync);
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Delete], McpHttpEndpoint.HandleUnsupportedMethodAsync);
        app.MapGet("/.well-known/oauth-protected-resource" + path, endpoint.HandleResourceMetadataAsync);
        if (app.Services.GetRequiredService<IOptions<OpsOptions>>().Value.Enabled)
        {
            app.MapGet(OpsEndpoint.RuntimePath, app.Services.GetRequiredService<OpsEndpoint>().HandleRuntimeAsync);
        }

        return app;
    }

    /// <summary>
    /// Builds the stdio server for the one tenant in <paramref name="environment"/>, or returns null with a message
    /// that names the missing variables. Logs go to stderr only: stdout carries JSON-RPC and nothing else.
    /// </summary>
    public static IHost? BuildStdioHost(HostCommandLine commandLine, Func<string, string?> environment, out string? error, HaloMcpHostHooks? hooks = null)
    {
        var tenant = StdioTenantEnvironment.TryResolve(environment, out error);
        if (tenant is null)
        {
            return null;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [.. commandLine.HostArgs] });
        AddConfigurationDefaults(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);

        var services = builder.Services;
        AddDemoOptions(services, commandLine);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITenantDirectory>(new SingleTenantDirectory(tenant));
        services.TryAddScoped(_ =>
        {
            var context = new TenantContext();
            context.Resolve(tenant);
            return context;
        });

        builder.UseOrleans(silo => silo.UseHaloClustering().AddHaloGrains());
        var mcp = AddMcpServer(services).WithStdioServerTransport();
        hooks?.ConfigureMcpServer?.Invoke(mcp);
        hooks?.ConfigureServices?.Invoke(services);
        return builder.Build();
    }

    /// <summary>
    /// Defaults that any configuration source overrides: console lines show their scopes (the tenant id), and
    /// ASP.NET Core's per-request chatter and the co-hosted silo's start-up and membership chatter are kept to warnings.
    /// </summary>
    private static void AddConfigurationDefaults(ConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Warning",
            },
        });

    private static IMcpServerBuilder AddMcpServer(IServiceCollection services) =>
        services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation
                {
                    Name = "halomcp",
                    Title = "HaloMcp (HaloPSA)",
                    Version = typeof(HaloMcpHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
                };
                o.ServerInstructions = "Tools for one HaloPSA instance (the one your API key or credentials belong to): tickets, clients, sites, users, assets, contracts, invoices, projects and revenue.";
            })
            .WithRequestFilters(f => f.AddCallToolFilter(ToolErrorFilter.Wrap))
            .WithToolsFromAssembly(typeof(HaloMcpHost).Assembly, ToolSerializerOptions)
            .WithTools(ToolCatalog.Create());

    /// <summary>The MCP endpoint's URL on the first address the server listens on.</summary>
    public static Uri McpUrl(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault() ?? DefaultUrl;
        var path = app.Services.GetRequiredService<IOptions<McpHttpOptions>>().Value.Path;
        return new Uri(new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)), path);
    }

    private static JsonSerializerOptions ToolSerializerOptions { get; } = new(McpJsonUtilities.DefaultOptions)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ToolJsonContext.Default, McpJsonUtilities.DefaultOptions.TypeInfoResolver),
    };

    private static void AddDemoOptions(IServiceCollection services, HostCommandLine commandLine) =>
        services.AddOptions<DemoOptions>()
            .BindConfiguration(DemoOptions.SectionName)
            .Configure(o =>
            {
                o.Enabled |= commandLine.Demo.Enabled;
                o.ApiKey = commandLine.Demo.ApiKey ?? o.ApiKey;
                o.HaloSimUrl = commandLine.Demo.HaloSimUrl ?? o.HaloSimUrl;
            });
}
