using Microsoft.Extensions.Logging;

namespace HaloMcp.Silo;

/// <summary>The silo's log messages.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(1, LogLevel.Information, "Silo started with {GrainTypeCount} grain types; idle timeout {IdleTimeout}.")]
    public static partial void SiloStarted(this ILogger logger, int grainTypeCount, TimeSpan idleTimeout);

    [LoggerMessage(2, LogLevel.Information, "Silo stopping: refusing new calls, draining {InFlight} calls in flight.")]
    public static partial void SiloStopping(this ILogger logger, long inFlight);

    [LoggerMessage(3, LogLevel.Warning, "Silo shutdown timeout reached with {InFlight} calls still in flight; deactivating anyway.")]
    public static partial void DrainTimedOut(this ILogger logger, long inFlight);

    [LoggerMessage(4, LogLevel.Warning, "Silo shutdown timeout reached with {Pending} activations still deactivating.")]
    public static partial void DeactivationTimedOut(this ILogger logger, int pending);

    [LoggerMessage(5, LogLevel.Information, "Silo stopped.")]
    public static partial void SiloStopped(this ILogger logger);

    [LoggerMessage(6, LogLevel.Debug, "Activated {GrainType}/{GrainKey}.")]
    public static partial void GrainActivated(this ILogger logger, string grainType, string grainKey);

    [LoggerMessage(7, LogLevel.Debug, "Deactivated {GrainType}/{GrainKey} ({Reason}).")]
    public static partial void GrainDeactivated(this ILogger logger, string grainType, string grainKey, DeactivationReasonCode reason);

    [LoggerMessage(8, LogLevel.Error, "Activation of {GrainType}/{GrainKey} failed; the calls waiting for it fail too.")]
    public static partial void ActivationFailed(this ILogger logger, Exception error, string grainType, string grainKey);

    [LoggerMessage(9, LogLevel.Error, "OnDeactivateAsync of {GrainType}/{GrainKey} failed ({Reason}); the activation is deactivated anyway.")]
    public static partial void DeactivationFailed(this ILogger logger, Exception error, string grainType, string grainKey, DeactivationReasonCode reason);

    [LoggerMessage(10, LogLevel.Warning, "Disposing the services of {GrainType}/{GrainKey} failed.")]
    public static partial void ScopeDisposalFailed(this ILogger logger, Exception error, string grainType, string grainKey);

    [LoggerMessage(11, LogLevel.Debug, "Grain call {GrainType}.{Method} failed with {ErrorType}.")]
    public static partial void CallFailed(this ILogger logger, string grainType, string method, string errorType);

    [LoggerMessage(12, LogLevel.Debug, "Idle collection is deactivating {Count} activations.")]
    public static partial void IdleCollectionStarted(this ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Error, "Idle collection failed.")]
    public static partial void IdleCollectionFailed(this ILogger logger, Exception error);
}
