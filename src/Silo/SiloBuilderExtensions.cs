using System.Net;
using System.Net.Sockets;
using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using HaloMcp.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Orleans.Hosting;

/// <summary>Adds HaloMcp's grains to an Orleans silo and joins it to its cluster as configuration says.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds what the HaloPSA grains stand on: their options (sections <c>HaloPsa</c>, <c>Budget</c>, <c>Caching</c>,
    /// <c>EntityActivations</c>, validated at start), the HaloPSA HTTP pipeline (admission, attempt timeout, transport),
    /// metrics, and the bounds on entity activations. The grains themselves are found by Orleans in their assembly.
    /// The host must register an <see cref="ITenantDirectory"/>.
    /// </summary>
    public static ISiloBuilder AddHaloGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.AddOptions<HaloClientOptions>().BindConfiguration(HaloClientOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HaloClientOptions>, HaloClientOptionsValidator>());
        services.AddOptions<BudgetEnforcementOptions>().BindConfiguration(BudgetEnforcementOptions.SectionName).ValidateOnStart();
        services.AddOptions<ReferenceDataOptions>().BindConfiguration(ReferenceDataOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferenceDataOptions>, ReferenceDataOptionsValidator>());
        services.AddOptions<EntityActivationOptions>().BindConfiguration(EntityActivationOptions.SectionName).ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantHaloClients>();
        services.TryAddSingleton<TenantMetrics>();
        services.TryAddSingleton<EntityActivations>();
        services.TryAddTransient<TenantAdmissionHandler>();

        // The transport recycles its connections itself (PooledConnectionLifetime), so the factory's own rotation of
        // handlers (every 2 min by default) is off: it rebuilt the pipeline for nothing, and each rotation's timer kept
        // the old handlers, their scope and with it the whole service provider alive for minutes after a silo stopped.
        services.AddHttpClient(HaloHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<TenantAdmissionHandler>()
            .AddHttpMessageHandler(sp => new HaloAttemptHandler(sp.GetRequiredService<IOptions<HaloClientOptions>>().Value, sp.GetRequiredService<TimeProvider>()))
            .ConfigurePrimaryHttpMessageHandler(Transport)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(HaloHttp.TokenClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(Transport)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        // Ticket and client activations are cheap to rebuild (one read) and many: they go after a short idle time.
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<EntityActivationOptions>>((collection, entities) =>
        {
            collection.ClassSpecificCollectionAge[typeof(TicketGrain).FullName!] = entities.Value.CollectionAge;
            collection.ClassSpecificCollectionAge[typeof(ClientGrain).FullName!] = entities.Value.CollectionAge;
        });
        return silo.AddHaloOAuthState();
    }

    /// <summary>
    /// Joins the silo to its cluster as the <c>Silo</c> configuration section says (<see cref="HaloSiloOptions"/>):
    /// clustering (localhost for now), ports (free ones unless given), cluster and service ids, and the response timeout.
    /// </summary>
    public static ISiloBuilder UseHaloClustering(this ISiloBuilder silo)
    {
        var options = silo.Configuration.GetSection(HaloSiloOptions.SectionName).Get<HaloSiloOptions>() ?? new HaloSiloOptions();
        if (!string.Equals(options.Clustering, "Localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new OptionsValidationException(HaloSiloOptions.SectionName, typeof(HaloSiloOptions),
                [$"Silo:Clustering '{options.Clustering}' is not supported; use Localhost (Redis clustering comes with the cluster deployment)."]);
        }

        var siloPort = options.SiloPort > 0 ? options.SiloPort : FreeLoopbackPort();
        var primary = options.PrimarySiloPort > 0 ? new IPEndPoint(System.Net.IPAddress.Loopback, options.PrimarySiloPort) : null;
        silo.UseLocalhostClustering(siloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = options.CollectionAge;
            o.CollectionQuantum = options.CollectionQuantum;
        });
        return silo;
    }

    private static SocketsHttpHandler Transport() => new()
    {
        // Per-attempt timeouts live in the pipeline; connections are recycled for DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 64,
        AutomaticDecompression = DecompressionMethods.All,
    };

    // Orleans needs a concrete silo port; asking the system for a free one lets several silos share a machine (and a
    // test process). Another process could take it before the silo binds: start-up then fails and says so.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
