using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Clustering.Redis;
using Orleans.Configuration;

namespace Orleans.Hosting;

/// <summary>Connects a front end (an Orleans client) to HaloMcp's silo cluster.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// Finds the cluster's gateways in Redis as the <c>Orleans</c> section says (cluster mode only: the same
    /// <c>Clustering</c>, <c>ClusterId</c> and <c>ServiceId</c> as the silos), keeps trying to connect until a silo
    /// answers, refreshes the gateway list every 5 s (a restarted silo is used within seconds), and retries grain calls
    /// that meet a failed silo (<see cref="HaloOrleansOptions.FailoverRetryLimit"/>), abandoning the attempts in flight
    /// when a gateway connection is lost.
    /// </summary>
    /// <exception cref="OptionsValidationException">The section is wrong, or does not ask for a Redis cluster.</exception>
    public static IClientBuilder UseHaloCluster(this IClientBuilder client)
    {
        var options = HaloOrleansConfiguration.Read(client.Configuration);
        if (!options.IsRedisCluster)
        {
            throw new OptionsValidationException(HaloOrleansOptions.SectionName, typeof(HaloOrleansOptions),
                ["A front end connects to a cluster only with Orleans:Clustering:ProviderType=Redis and its ConnectionString."]);
        }

        client.Services.AddOptions<HaloOrleansOptions>().BindConfiguration(HaloOrleansOptions.SectionName);
        client.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        // Orleans itself wires the Redis gateway list from Orleans:Clustering; it keeps trying a Redis that is not up yet.
        client.Services.PostConfigure<RedisClusteringOptions>(o =>
        {
            if (o.ConfigurationOptions is { } configured)
            {
                configured.AbortOnConnectFail = false;
            }
        });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.ResponseTimeout);
        client.UseConnectionRetryFilter<ClusterConnectionRetry>();
        var gatewayLoss = new GatewayLoss();
        client.Services.AddSingleton(gatewayLoss);
        client.AddClusterConnectionStatusObserver(gatewayLoss);
        client.AddOutgoingGrainCallFilter<FailoverRetryFilter>();
        return client;
    }
}
