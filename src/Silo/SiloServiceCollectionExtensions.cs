using HaloMcp.Grains;
using HaloMcp.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the in-process grain runtime.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds the silo: <see cref="IGrainFactory"/>, <see cref="IGrainRuntimeStatistics"/> and a hosted service that
    /// collects idle activations and drains calls at shutdown. <see cref="SiloOptions"/> bind from the
    /// <c>Silo</c> configuration section (when an <see cref="IConfiguration"/> is registered), then
    /// <paramref name="configure"/> runs. The clock is the registered <see cref="TimeProvider"/> (system clock by default).
    /// Calling it again returns a builder for the same silo.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional code configuration applied after configuration binding.</param>
    /// <returns>A builder to register grains with.</returns>
    public static SiloBuilder AddSilo(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(GrainRegistry))?.ImplementationInstance as GrainRegistry;
        if (registry is null)
        {
            registry = new GrainRegistry();
            services.AddSingleton(registry);
            services.AddOptions<SiloOptions>();
            services.AddSingleton<IConfigureOptions<SiloOptions>>(sp => new ConfigureOptions<SiloOptions>(
                options => sp.GetService<IConfiguration>()?.GetSection(SiloOptions.SectionName).Bind(options)));
            services.AddMetrics();
            services.AddLogging();
            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<SiloRuntime>();
            services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>());
            services.AddSingleton<IGrainRuntimeStatistics>(sp => sp.GetRequiredService<SiloRuntime>());
            services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SiloRuntime>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new SiloBuilder(services, registry);
    }
}
