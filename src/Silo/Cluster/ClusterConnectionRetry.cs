using Microsoft.Extensions.Logging;

namespace HaloMcp.Silo.Cluster;

/// <summary>
/// A front end that starts before any silo (or while Redis is down) keeps trying to connect, once a second, instead of
/// failing its start: the cluster's processes may come up in any order.
/// </summary>
/// <param name="logger">Logs each failed attempt.</param>
internal sealed partial class ClusterConnectionRetry(ILogger<ClusterConnectionRetry> logger) : IClientConnectionRetryFilter
{
    private int _attempts;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogNotConnected(logger, ++_attempts, exception.GetType().Name, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Not connected to the cluster yet (attempt {Attempt}, {Error}: {Reason}); trying again in 1 s")]
    private static partial void LogNotConnected(ILogger logger, int attempt, string error, string reason);
}
