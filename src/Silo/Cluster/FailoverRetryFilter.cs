using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using HaloMcp.Grains;
using HaloMcp.Grains.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization.Invocation;

namespace HaloMcp.Silo.Cluster;

/// <summary>
/// Cluster mode, on front ends and silos: a call of one of HaloMcp's grains that meets a failed silo is sent again until
/// membership has declared the silo dead and the grain serves from another one, within
/// <see cref="HaloOrleansOptions.FailoverRetryLimit"/> and the caller's cancellation. <see cref="RepeatableAttribute"/>
/// calls (reads, and writes guarded by a write-ahead record) are repeated after any failover error; others only when
/// Orleans rejected the message before it reached the grain. A write that may have reached a silo that died is answered
/// "outcome unknown", never repeated. On a front end, each attempt runs on a token of its own that a lost gateway
/// connection cancels (<see cref="GatewayLoss"/>): an attempt that went through a dead gateway, or to a silo that died,
/// would otherwise wait out Orleans' response timeout.
/// </summary>
/// <param name="options">The retry limit.</param>
/// <param name="gatewayLoss">Fires when a front end loses a gateway (never on a silo).</param>
/// <param name="logger">Logs the calls that needed it.</param>
internal sealed partial class FailoverRetryFilter(IOptions<HaloOrleansOptions> options, GatewayLoss gatewayLoss, ILogger<FailoverRetryFilter> logger) : IOutgoingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> Repeatable = new();
    private static readonly ConcurrentDictionary<MethodInfo, int> CancellationArgument = new();

    // What Orleans' rejections of an undelivered message carry (see NeverDelivered).
    private static readonly string BareSiloUnavailable = new SiloUnavailableException().Message;

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var method = context.InterfaceMethod;
        if (method?.DeclaringType?.Namespace?.StartsWith("HaloMcp.", StringComparison.Ordinal) != true)
        {
            await context.Invoke();
            return;
        }

        var cancellation = context.Request.GetCancellationToken();
        var tokenArgument = CancellationArgument.GetOrAdd(method, static m => Array.FindIndex(m.GetParameters(), p => p.ParameterType == typeof(CancellationToken)));
        var started = 0L;
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure;
            using var abandon = tokenArgument >= 0 ? CancellationTokenSource.CreateLinkedTokenSource(cancellation, gatewayLoss.Token) : null;
            if (abandon is not null)
            {
                context.Request.SetArgument(tokenArgument, abandon.Token);
            }

            try
            {
                await context.Invoke();
                failure = context.Response?.Exception;
            }
            catch (Exception ex)
            {
                failure = ex;
                context.Response = Response.FromException(ex);
            }

            if (failure is OperationCanceledException && abandon is { IsCancellationRequested: true } && !cancellation.IsCancellationRequested)
            {
                // Abandoned because a gateway went away: it may have been lost with it, or be running somewhere.
                failure = new SiloUnavailableException("A gateway connection was lost while the call was in flight.");
            }

            if (failure is null || !IsFailover(failure))
            {
                if (attempt > 1)
                {
                    LogRecovered(logger, context.InterfaceName, context.MethodName, attempt, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                return;
            }

            if (!IsRepeatable(method) && !NeverDelivered(failure))
            {
                LogWriteUnknown(logger, context.InterfaceName, context.MethodName, failure.GetType().Name);
                throw new HaloOperationException(HaloFailureKind.WriteOutcomeUnknown,
                    "The server handling this write stopped before it answered; the write may or may not have been applied and was not repeated. Check it (e.g. read the ticket) before trying again.");
            }

            if (attempt == 1)
            {
                started = Stopwatch.GetTimestamp();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var limit = options.Value.FailoverRetryLimit;
            if (elapsed >= limit || cancellation.IsCancellationRequested)
            {
                LogGaveUp(logger, context.InterfaceName, context.MethodName, attempt, failure.GetType().Name);
                cancellation.ThrowIfCancellationRequested();
                throw new HaloOperationException(HaloFailureKind.Unavailable,
                    $"A HaloMcp server failed and its work did not move to another within {limit.TotalSeconds:0} s; try again shortly.");
            }

            LogRetrying(logger, context.InterfaceName, context.MethodName, attempt, failure.GetType().Name);

            // 50, 100, 200, 400, 800 ms, then every second: membership declares a silo dead within seconds, not at once.
            var delay = TimeSpan.FromMilliseconds(Math.Min(1000, 50 << Math.Min(attempt - 1, 5)));
            await Task.Delay(delay < limit - elapsed ? delay : limit - elapsed, cancellation);
        }
    }

    // The errors of a call that met a silo that failed or is failing (connection lost, silo declared dead, message
    // rejected on the way); not the grain's own exceptions, and not timeouts (the call's own deadline has passed).
    private static bool IsFailover(Exception exception) =>
        exception is OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException;

    // A plain rejection (or a refused connection) is answered before the message reaches its grain, and so is a rejection
    // Orleans makes with a bare SiloUnavailableException (the target silo known dead, or the connection to it failed
    // before the message went out). A SiloUnavailableException with a message of its own also means "the silo died while
    // the call was running there" (or something this rule does not know): not provably undelivered.
    private static bool NeverDelivered(Exception exception) =>
        exception.GetType() == typeof(OrleansMessageRejectionException)
        || exception is GatewayTooBusyException or ConnectionFailedException
        || (exception is SiloUnavailableException && exception.Message == BareSiloUnavailable);

    private static bool IsRepeatable(MethodInfo method) => Repeatable.GetOrAdd(method, static m =>
        m.IsDefined(typeof(RepeatableAttribute), inherit: false) || m.DeclaringType!.IsDefined(typeof(RepeatableAttribute), inherit: false));

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "{Interface}.{Method} met a failed silo (attempt {Attempt}, {Error}); sending it again")]
    private static partial void LogRetrying(ILogger logger, string @interface, string method, int attempt, string error);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Interface}.{Method} was served after a silo failure, at attempt {Attempt}, {ElapsedMs} ms after the first failure")]
    private static partial void LogRecovered(ILogger logger, string @interface, string method, int attempt, double elapsedMs);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Interface}.{Method} still met a failed silo after {Attempt} attempts ({Error}); the caller hears 'unavailable'")]
    private static partial void LogGaveUp(ILogger logger, string @interface, string method, int attempt, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "{Interface}.{Method} may have reached a silo that failed ({Error}); it is not repeated and its outcome is unknown")]
    private static partial void LogWriteUnknown(ILogger logger, string @interface, string method, string error);
}
