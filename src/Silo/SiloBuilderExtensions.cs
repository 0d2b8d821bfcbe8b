using System.Net;
using System.Net.Sockets;
using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Storage;
using HaloMcp.Grains.Upstream;
using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Hosting;

/// <summary>Adds HaloMcp's grains to an Orleans silo and joins it to its cluster as configuration says.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds what the HaloPSA grains stand on: their options (sections <c>HaloPsa</c>, <c>Budget</c>, <c>Caching</c>,
    /// <c>EntityActivations</c>, validated at start), the HaloPSA HTTP pipeline (admission, attempt timeout, transport),
    /// metrics, the bounds on entity activations, and in-memory grain storage for the providers the clustering did not
    /// put elsewhere (call <see cref="UseHaloClustering"/> first). The grains themselves are found by Orleans in their
    /// assembly. The host must register an <see cref="ITenantDirectory"/>.
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

        // Grain state stays in memory unless the clustering put it elsewhere (Redis, in UseHaloClustering).
        foreach (var provider in new[] { HaloStorage.State, HaloStorage.WriteAhead })
        {
            if (!services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, provider)))
            {
                silo.AddMemoryGrainStorage(provider);
            }
        }

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
    /// Joins the silo to its cluster as the <c>Orleans</c> configuration section says (<see cref="HaloOrleansOptions"/>,
    /// validated here: a bad value stops the start with a message saying how to fix it). <c>Localhost</c>: a
    /// single-machine cluster, grain state in memory. <c>Redis</c>: membership and both grain storage providers
    /// (<see cref="HaloStorage"/>) in Redis, endpoints on the configured interface, membership tuned for failover in
    /// about 5 s, and failover retries on grain-to-grain calls.
    /// </summary>
    public static ISiloBuilder UseHaloClustering(this ISiloBuilder silo)
    {
        var options = HaloOrleansConfiguration.Read(silo.Configuration);
        silo.Services.AddOptions<HaloOrleansOptions>().BindConfiguration(HaloOrleansOptions.SectionName);
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        silo.Configure<GrainCollectionOptions>(o =>
        {
            o.CollectionAge = options.CollectionAge;
            o.CollectionQuantum = options.CollectionQuantum;
        });

        if (!options.IsRedisCluster)
        {
            var siloPort = options.SiloPort > 0 ? options.SiloPort : FreePort(IPAddress.Loopback);
            var primary = options.PrimarySiloPort > 0 ? new IPEndPoint(IPAddress.Loopback, options.PrimarySiloPort) : null;
            silo.UseLocalhostClustering(siloPort, options.GatewayPort, primary, options.ServiceId, options.ClusterId);
            return silo;
        }

        var advertised = HaloOrleansConfiguration.AdvertisedAddress(options);
        var listen = options.ListenAddress is { Length: > 0 } bind ? IPAddress.Parse(bind) : advertised;
        var clusterPort = options.SiloPort > 0 ? options.SiloPort : FreePort(listen);

        // A silo of a cluster is what front ends connect to: it always opens a gateway.
        var gatewayPort = options.GatewayPort > 0 ? options.GatewayPort : FreePort(listen);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = advertised;
            o.SiloPort = clusterPort;
            o.GatewayPort = gatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(listen, clusterPort);
            o.GatewayListeningEndpoint = new IPEndPoint(listen, gatewayPort);
        });
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        // Orleans itself wires the Redis membership from Orleans:Clustering; it is told to keep trying a Redis that is
        // not up yet, and the grain state goes to the same Redis.
        var redis = HaloOrleansConfiguration.Redis(options, silo.Configuration);
        silo.Services.PostConfigure<RedisClusteringOptions>(o =>
        {
            if (o.ConfigurationOptions is { } configured)
            {
                configured.AbortOnConnectFail = false;
            }
        });
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(HaloOrleansConfiguration.TuneMembership)
            .BindConfiguration(HaloOrleansConfiguration.MembershipSection);
        silo.AddHaloRedisStorage(redis);
        // A silo learns of a peer's death from membership and fails the calls waiting on it at once: no gateway to lose.
        silo.Services.AddSingleton<GatewayLoss>();
        silo.AddOutgoingGrainCallFilter<FailoverRetryFilter>();
        return silo;
    }

    /// <summary>
    /// Puts both of HaloMcp's grain storage providers (<see cref="HaloStorage"/>) in <paramref name="redis"/>: the
    /// tenant state that never expires, and the write-ahead records, which Redis drops a minute after their
    /// idempotency window. <see cref="UseHaloClustering"/> calls it in cluster mode; call it before
    /// <see cref="AddHaloGrains"/>, which fills in memory storage for the providers not registered yet.
    /// </summary>
    public static ISiloBuilder AddHaloRedisStorage(this ISiloBuilder silo, StackExchange.Redis.ConfigurationOptions redis)
    {
        silo.AddRedisGrainStorage(HaloStorage.State, o => o.Configure<Serializer>((storage, serializer) =>
        {
            storage.ConfigurationOptions = redis.Clone();
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            storage.DeleteStateOnClear = true;
        }));
        silo.AddRedisGrainStorage(HaloStorage.WriteAhead, o => o.Configure<Serializer, IOptions<ReferenceDataOptions>>((storage, serializer, caching) =>
        {
            storage.ConfigurationOptions = redis.Clone();
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);

            // A record counts for the idempotency window from its first write; Redis drops it a minute after.
            storage.EntryExpiry = caching.Value.IdempotencyWindow + TimeSpan.FromMinutes(1);
            storage.DeleteStateOnClear = true;
        }));

        // The authorization server's state (client registrations, consents, grants, agent sign-ins) is cluster-wide too.
        silo.AddRedisGrainStorage(HaloMcp.Grains.OAuth.OAuthStorage.Name, o => o.Configure<Serializer>((storage, serializer) =>
        {
            storage.ConfigurationOptions = redis.Clone();
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            storage.DeleteStateOnClear = true;
        }));
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
    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
