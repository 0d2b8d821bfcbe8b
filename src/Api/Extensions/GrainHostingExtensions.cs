using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tenancy;
using HaloMcp.Silo;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one place the Api hosts its grains or reaches them, for both the HTTP and the stdio host.</summary>
public static class GrainHostingExtensions
{
    /// <summary>
    /// Embedded (the default, and always with <paramref name="embeddedOnly"/>: stdio, whose one tenant lives in its own
    /// environment): co-hosts the silo and the HaloPSA grains in this process; <paramref name="configureSilo"/> adds to
    /// the silo. Cluster (<c>Orleans:Clustering:ProviderType=Redis</c>): this process is a stateless Orleans client of
    /// the silo processes, <paramref name="configureClient"/> adds to the client, and gateway tenants' settings travel
    /// sealed with its grain calls.
    /// </summary>
    public static IHostApplicationBuilder AddHaloGrainHost(
        this IHostApplicationBuilder builder,
        Action<ISiloBuilder>? configureSilo = null,
        Action<IClientBuilder>? configureClient = null,
        bool embeddedOnly = false)
    {
        if (!embeddedOnly && HaloOrleansConfiguration.IsRedisCluster(builder.Configuration))
        {
            builder.Services.TryAddSingleton<TenantSettingsSeal>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpHttpOptions>, ClusterGatewayValidator>());
            builder.UseOrleansClient(client =>
            {
                client.UseHaloCluster().AddOutgoingGrainCallFilter<GatewayTenantForwarding>();
                configureClient?.Invoke(client);
            });
            return builder;
        }

        // Activity propagation carries a tool call's trace into the grains, so the upstream requests they make are counted
        // against that call (UpstreamRequestCounter). A front end of a cluster cannot see them: they happen in the silos.
        builder.Services.TryAddSingleton<UpstreamRequestCounter>();
        builder.UseOrleans(silo =>
        {
            silo.UseHaloClustering().AddHaloGrains().AddActivityPropagation();
            configureSilo?.Invoke(silo);
        });
        return builder;
    }
}
