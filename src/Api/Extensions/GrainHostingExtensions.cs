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
    /// Embedded (the default, and always for stdio, whose one tenant lives in its own environment): co-hosts the silo
    /// and the HaloPSA grains in this process. Cluster (<c>Orleans:Clustering=Redis</c>): this process is a stateless
    /// Orleans client of the silo processes; gateway tenants' settings travel sealed with its grain calls.
    /// </summary>
    public static IHostApplicationBuilder AddHaloGrainHost(this IHostApplicationBuilder builder, bool embeddedOnly = false)
    {
        if (!embeddedOnly && HaloOrleansConfiguration.IsRedisCluster(builder.Configuration))
        {
            builder.Services.TryAddSingleton<TenantSettingsSeal>();
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<McpHttpOptions>, ClusterGatewayValidator>());
            builder.UseOrleansClient(client => client.UseHaloCluster().AddOutgoingGrainCallFilter<GatewayTenantForwarding>());
            return builder;
        }

        // Activity propagation carries a tool call's trace into the grains, so the upstream requests they make are counted
        // against that call (UpstreamRequestCounter). A front end of a cluster cannot see them: they happen in the silos.
        builder.Services.TryAddSingleton<UpstreamRequestCounter>();
        builder.UseOrleans(silo => silo.UseHaloClustering().AddHaloGrains().AddActivityPropagation());
        return builder;
    }
}
