using HaloMcp.Grains.Upstream;
using HaloMcp.Silo.Ops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Dashboard;

namespace Orleans.Hosting;

/// <summary>What every silo carries for the people who run HaloMcp: the Orleans dashboard and the per-tenant metrics.</summary>
public static class OpsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the Orleans dashboard's silo part (its statistics service and the grain-call profiler, which runs only
    /// while someone has the dashboard open; its log stream hidden unless <see cref="OpsDashboard.LogStreamKey"/>),
    /// and this silo's <see cref="TenantActivityAggregator"/> with the grain service that hands it to
    /// <see cref="HaloMcp.Grains.Ops.IOpsGrain"/>. The pages themselves are mapped by the web host (the Api).
    /// </summary>
    public static ISiloBuilder AddHaloOps(this ISiloBuilder silo)
    {
        var services = silo.Services;
        silo.AddDashboard();
        OpsDashboard.ConfigureLogStream(services);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantActivityAggregator>();
        services.AddHostedService(sp => sp.GetRequiredService<TenantActivityAggregator>());
        services.AddGrainService<SiloOpsService>();
        services.TryAddSingleton<ISiloOpsServiceClient, SiloOpsServiceClient>();

        // HttpClient already times every request; this tags its measurement with the tenant.
        services.AddHttpClient(HaloHttp.ClientName).AddHttpMessageHandler(() => new UpstreamMetricsTenantTag());
        return silo;
    }
}
