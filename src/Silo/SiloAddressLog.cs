using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace HaloMcp.Silo;

/// <summary>Logs where the silo listens once it has joined its cluster and is serving (the line scripts and tests wait for).</summary>
/// <param name="silo">The silo's own details.</param>
/// <param name="options">The cluster settings.</param>
/// <param name="tenants">The configured tenants.</param>
/// <param name="logger">Where the line goes.</param>
internal sealed partial class SiloAddressLog(
    ILocalSiloDetails silo,
    IOptions<HaloOrleansOptions> options,
    ConfiguredTenantDirectory tenants,
    ILogger<SiloAddressLog> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloAddressLog), ServiceLifecycleStage.Active, _ =>
        {
            LogListening(logger, silo.SiloAddress.ToString(), silo.GatewayAddress?.ToString() ?? "none", silo.ClusterId, options.Value.Clustering?.ProviderType ?? "Localhost", tenants.Count);
            return Task.CompletedTask;
        });

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Silo {SiloAddress} (gateway {Gateway}) is up in cluster {ClusterId} ({Clustering} clustering, {TenantCount} configured tenants)")]
    private static partial void LogListening(ILogger logger, string siloAddress, string gateway, string clusterId, string clustering, int tenantCount);
}
