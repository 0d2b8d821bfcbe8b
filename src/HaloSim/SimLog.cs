using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>The simulator's log messages.</summary>
internal static partial class SimLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "HaloSim serving instances {Instances} at {Address}")]
    public static partial void Started(ILogger logger, string instances, string address);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "HaloSim faults for {Instance} changed")]
    public static partial void FaultsChanged(ILogger logger, string instance);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "HaloSim {Instance} {Method} {Path} failed")]
    public static partial void Failed(ILogger logger, Exception exception, string instance, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "HaloSim {Instance} {Method} {Path} -> {Status}")]
    public static partial void Served(ILogger logger, string instance, string method, string path, int status);
}
