using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Microsoft.Extensions.Hosting;

/// <summary>What a silo process of its own needs besides Orleans: its tenants and its start-up line.</summary>
public static class SiloHostExtensions
{
    /// <summary>
    /// Reads the tenants the front ends read: the file named by <c>--tenants-file</c> or <c>TenantsFile</c> (reloaded on
    /// change; the environment and the command line still override it) and/or <c>Tenants__N__...</c> variables, checked
    /// at start with the front ends' rules. Gateway tenants come sealed with each call (<see cref="SealedGatewayTenants"/>).
    /// </summary>
    public static IHostApplicationBuilder AddHaloSiloTenants(this IHostApplicationBuilder builder, string[] args)
    {
        var tenantsFile = builder.Configuration["TenantsFile"] ?? builder.Configuration["tenants-file"];
        if (!string.IsNullOrWhiteSpace(tenantsFile))
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(tenantsFile), optional: false, reloadOnChange: true);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }

        var services = builder.Services;
        services.AddOptions<TenantCatalogOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TenantCatalogOptions>, ConfiguredTenantsValidator>());
        services.AddOptions<HaloOrleansOptions>().BindConfiguration(HaloOrleansOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HaloOrleansOptions>, HaloOrleansOptionsValidator>());
        services.TryAddSingleton<TenantSettingsSeal>();
        services.TryAddSingleton<SealedGatewayTenants>();
        services.TryAddSingleton<ConfiguredTenantDirectory>();
        services.TryAddSingleton<ITenantDirectory, SiloTenantDirectory>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SiloAddressLog>();
        return builder;
    }
}
