using System.Diagnostics;
using System.Text.Json;
using HaloMcp.Api.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// The outermost call filter: one log line per tool call at Information (tool, tenant, outcome, duration, upstream
/// requests, or "n/a" on a front end of a cluster, where the requests happen in the silos), the arguments at Debug. Everything from the caller is escaped, so input cannot forge log lines.
/// </summary>
internal sealed partial class ToolCallLog
{
    private ToolCallLog()
    {
    }

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            var logger = LoggerOf(request);
            var tool = ArgumentValidator.Quote(request.Params?.Name ?? string.Empty);
            using var call = request.Services?.GetService<UpstreamRequestCounter>()?.Begin(tool);
            var started = Stopwatch.GetTimestamp();
            string? outcome = null;
            try
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    LogArguments(logger, tool, JsonSerializer.Serialize(request.Params?.Arguments, McpJsonUtilities.DefaultOptions.GetTypeInfo<IDictionary<string, JsonElement>?>()));
                }

                var result = await next(request, cancellationToken);
                outcome = ToolCallOutcome.Get(request) ?? (result.IsError == true ? ToolCallOutcome.Refused : ToolCallOutcome.Ok);
                return result;
            }
            catch (McpProtocolException ex)
            {
                outcome = request.MatchedPrimitive is null ? ToolCallOutcome.UnknownTool : "protocol-error";
                LogProtocolError(logger, tool, (int)ex.ErrorCode, ArgumentValidator.Quote(ex.Message));
                throw;
            }
            catch (OperationCanceledException)
            {
                outcome = ToolCallOutcome.Cancelled;
                throw;
            }
            finally
            {
                var tenant = request.Services?.GetService<TenantContext>() is { IsResolved: true } context ? context.TenantId : "?";
                var elapsed = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
                if (call is { } counted)
                {
                    LogCall(logger, tool, tenant, outcome ?? ToolCallOutcome.Failed, elapsed, counted.Requests);
                }
                else
                {
                    // A front end of a cluster: the grains' requests happen in the silos, which count them per tenant.
                    LogCallUncounted(logger, tool, tenant, outcome ?? ToolCallOutcome.Failed, elapsed);
                }
            }
        };

    // ILogger<T> is resolved once per provider; ILoggerFactory.CreateLogger would take its lock on every call.
    public static ILogger LoggerOf(MessageContext request) =>
        request.Services?.GetService<ILogger<ToolCallLog>>() ?? (ILogger)NullLogger.Instance;

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Tool call {ToolName} for tenant {TenantId}: {Outcome} in {ElapsedMs} ms, {UpstreamRequests} upstream requests")]
    private static partial void LogCall(ILogger logger, string toolName, string tenantId, string outcome, double elapsedMs, int upstreamRequests);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "Tool call {ToolName} for tenant {TenantId}: {Outcome} in {ElapsedMs} ms, upstream requests n/a (made and counted in the silos)")]
    private static partial void LogCallUncounted(ILogger logger, string toolName, string tenantId, string outcome, double elapsedMs);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Debug, Message = "Tool call {ToolName} arguments: {Arguments}")]
    private static partial void LogArguments(ILogger logger, string toolName, string arguments);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Warning, Message = "Tool call {ToolName} refused by the protocol ({ErrorCode}): {Reason}")]
    private static partial void LogProtocolError(ILogger logger, string toolName, int errorCode, string reason);
}
