using HaloMcp.Grains;
using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.ServiceDesk;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HaloPSA grains and what they stand on.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the tenant, service-desk, customer, billing, ticket and client grains, the HaloPSA HTTP client, and
    /// single-node (in-memory) cluster stores unless others were registered first. The host must register an
    /// <see cref="HaloMcp.Grains.Tenancy.ITenantDirectory"/>.
    /// </summary>
    public static SiloBuilder AddHaloGrains(this SiloBuilder silo, IConfiguration? configuration = null)
    {
        var services = silo.Services;
        BindOptions<HaloClientOptions>(services, configuration, HaloClientOptions.SectionName);
        BindOptions<BudgetEnforcementOptions>(services, configuration, BudgetEnforcementOptions.SectionName);
        BindOptions<ReferenceDataOptions>(services, configuration, ReferenceDataOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRequestBudgetStore, InMemoryRequestBudgetStore>();
        services.TryAddSingleton<ISharedTokenStore, InMemorySharedTokenStore>();
        services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
        services.TryAddSingleton<IEntityLock, InMemoryEntityLock>();
        services.TryAddSingleton<TenantHaloClients>();
        services.TryAddSingleton<TenantMetrics>();
        services.TryAddSingleton<IdempotentCreates>();
        services.AddHttpClient(HaloHttp.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Per-attempt timeouts live in the resilience pipelines; connections are recycled for DNS changes.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxConnectionsPerServer = 64,
                AutomaticDecompression = System.Net.DecompressionMethods.All,
            });

        return silo
            .AddGrain<ITenantGrain, TenantGrain>()
            .AddGrain<ITenantUpstream, TenantGrain>()
            .AddGrain<IServiceDeskGrain, ServiceDeskGrain>()
            .AddGrain<ICustomerDirectoryGrain, CustomerDirectoryGrain>()
            .AddGrain<IBillingGrain, BillingGrain>()
            .AddGrain<ITicketGrain, TicketGrain>()
            .AddGrain<IClientGrain, ClientGrain>();
    }

    private static void BindOptions<TOptions>(IServiceCollection services, IConfiguration? configuration, string section)
        where TOptions : class
    {
        var builder = services.AddOptions<TOptions>();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(section));
        }
    }
}
