using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HaloMcp.Silo;

/// <summary>Logs where the silo listens once it has joined its cluster.</summary>
/// <param name="silo">The silo's own details.</param>
/// <param name="logger">Where the line goes.</param>
internal sealed partial class SiloAddressLog(ILocalSiloDetails silo, ILogger<SiloAddressLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogListening(logger, silo.SiloAddress.ToString(), silo.GatewayAddress?.ToString() ?? "none", silo.ClusterId);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Silo {SiloAddress} (gateway {Gateway}) is up in cluster {ClusterId}")]
    private static partial void LogListening(ILogger logger, string siloAddress, string gateway, string clusterId);
}
