using HaloMcp.Api.Auth;
using HaloMcp.Api.Auth.OAuth;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Ops;
using HaloMcp.Api.Tenancy;
using HaloMcp.Api.Tools;
using HaloMcp.Api.Webhooks;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Tenancy;
using Microsoft.AspNetCore.Authentication;
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
using ModelContextProtocol.Authentication;

namespace HaloMcp.Api.Hosting;

/// <summary>
/// Builds and runs the HaloMcp server: Streamable HTTP (default), stdio (<c>--stdio</c>) or the
/// <c>hash-key</c> and <c>hash-password</c> commands. Tests start the real HTTP server in-process with <see cref="BuildWebApplication"/>.
/// </summary>
public static class HaloMcpHost
{
    /// <summary>The loopback address the HTTP server binds when no URL is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The liveness endpoint: 200 "Healthy" without authentication, for container health checks.</summary>
    public const string HealthPath = "/healthz";

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

        HostCommand command;
        try
        {
            command = commandLine.ResolveCommand(Environment.GetEnvironmentVariable);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message.AsMemory(), cancellationToken);
            return 2;
        }

        switch (command)
        {
            case HostCommand.HashKey:
                return HashKeyCommand.Run(commandLine.HashKeyInput, Console.Out, Console.Error);
            case HostCommand.HashPassword:
                return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error);
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
        var tenantsFile = commandLine.TenantsFile ?? builder.Configuration["TenantsFile"];
        if (demo is not null)
        {
            // Configuration arrays merge by index: the demo tenant would overlay a configured one, and the demo key
            // (printed as "demo tenant only") would open that tenant.
            if (!string.IsNullOrWhiteSpace(tenantsFile) || builder.Configuration.GetSection(TenantCatalogOptions.SectionName).GetChildren().Any())
            {
                throw new OptionsValidationException(nameof(DemoOptions), typeof(DemoOptions),
                    ["--demo serves only the simulated demo tenant; it cannot be combined with --tenants-file, TenantsFile or configured Tenants. Run the demo on its own."]);
            }

            builder.Configuration.AddInMemoryCollection(demo.Configuration());
        }

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

        builder.Configuration.AddHaloSecretFiles(commandLine.HostArgs);

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
        services.TryAddSingleton<AuthFailureThrottle>();
        services.TryAddSingleton<OriginPolicy>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName)
            .Validate(o => o.MaxBodyBytes > 0, $"{WebhookOptions.SectionName}:{nameof(WebhookOptions.MaxBodyBytes)} must be positive.").ValidateOnStart();
        services.TryAddSingleton<HaloWebhookEndpoint>();
        services.AddHaloOps(builder.Configuration);
        services.TryAddSingleton<ITenantDirectory, HostTenantDirectory>();
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<TenantGrains>();
        services.AddHealthChecks();
        services.AddHaloOAuth();
        AddAuthentication(services);

        builder.AddHaloGrainHost(silo => silo.AddHaloOps(), client => client.AddHaloOps());
        var mcp = services.AddHaloMcpServer().WithHttpTransport(o => o.Stateless = true);
        hooks?.ConfigureMcpServer?.Invoke(mcp);
        hooks?.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        tenantFileErrors.ServerStarted(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<TenantCatalog>());
        app.UseHostFiltering();

        // For container health checks and load balancers: the process serves HTTP. Answered before authentication, so a
        // probe every few seconds needs no key and leaves no "refused" line in the log; it says nothing else.
        app.UseHealthChecks(HealthPath);
        app.UseOpsAccess();
        app.UseAuthentication();
        app.UseAuthorization();
        var path = app.Services.GetRequiredService<IOptions<McpHttpOptions>>().Value.Path;
        // The filters are stateless: one instance each serves every request (AddEndpointFilter<T> would build one per request).
        app.MapMcp(path)
            .RequireAuthorization()
            .AddEndpointFilter(ActivatorUtilities.CreateInstance<OriginFilter>(app.Services))
            .AddEndpointFilter(ActivatorUtilities.CreateInstance<TenantLogScopeFilter>(app.Services))
            .AddEndpointFilter(new AgentSessionFilter())
            .AddEndpointFilter(new ProtocolVersionFilter())
            .AddEndpointFilter(ActivatorUtilities.CreateInstance<JsonRpcRequestGuard>(app.Services));
        app.MapHaloOAuth();
        app.MapMethods(HaloWebhookEndpoint.RoutePattern, HaloWebhookEndpoint.Methods, app.Services.GetRequiredService<HaloWebhookEndpoint>().HandleAsync);
        app.MapHaloOps();
        return app;
    }

    /// <summary>
    /// API keys and HaloMcp's own OAuth access tokens as an ASP.NET Core authentication scheme (the default), beside the
    /// SDK's MCP scheme, which serves the RFC 9728 protected-resource document at
    /// <c>/.well-known/oauth-protected-resource{path}</c>, naming HaloMcp itself as the authorization server.
    /// </summary>
    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationDefaults.AuthenticationScheme, null)
            .AddMcp(o =>
            {
                o.ResourceMetadata = new ProtectedResourceMetadata
                {
                    BearerMethodsSupported = ["header"],
                    ResourceName = "HaloMcp (HaloPSA MCP server)",
                };
                o.Events.OnResourceMetadataRequest = context =>
                {
                    var services = context.HttpContext.RequestServices;
                    var http = services.GetRequiredService<IOptionsMonitor<McpHttpOptions>>().CurrentValue;
                    if (context.ResourceMetadata is not { } metadata)
                    {
                        return Task.CompletedTask;
                    }

                    // Behind a proxy the request's own address is not the one clients use.
                    if (http.PublicBaseUrl is { } publicBase)
                    {
                        var resourcePath = context.HttpContext.Request.Path.Value![ApiKeyAuthenticationHandler.ResourceMetadataPrefix.Length..];
                        metadata.Resource = publicBase.GetLeftPart(UriPartial.Authority) + resourcePath;
                    }

                    if (services.GetRequiredService<IOptionsMonitor<OAuthOptions>>().CurrentValue.Enabled)
                    {
                        metadata.AuthorizationServers = [services.GetRequiredService<OAuthUrls>().Issuer(context.HttpContext.Request)];
                        metadata.ScopesSupported = OAuthScopes.Supported;
                    }

                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
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

        services.TryAddScoped<TenantGrains>();
        builder.AddHaloGrainHost(embeddedOnly: true);
        var mcp = services.AddHaloMcpServer().WithStdioServerTransport();
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

                // One line per tool call at Information (ToolCallLog): what the SDK (two lines per request, failed
                // requests with their stack trace), HttpClient (four lines per upstream request) and the grains log at
                // Information are details of that call. The refused requests are logged once by our own filters.
                ["Logging:LogLevel:ModelContextProtocol"] = "Error",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
                ["Logging:LogLevel:HaloMcp.Grains"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Warning",

                // Polly logs every execution of Orleans' placement pipeline at Information.
                ["Logging:LogLevel:Polly"] = "Warning",
            },
        });

    /// <summary>The MCP endpoint's URL on the first address the server listens on.</summary>
    public static Uri McpUrl(WebApplication app)
    {
        var address = app.Urls.FirstOrDefault() ?? DefaultUrl;
        var path = app.Services.GetRequiredService<IOptions<McpHttpOptions>>().Value.Path;
        return new Uri(new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal)), path);
    }

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
