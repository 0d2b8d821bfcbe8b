using System.Globalization;
using HaloMcp.Grains.Errors;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// The one place a failure becomes what the caller reads. A grain's <see cref="HaloOperationException"/> carries a
/// message safe to show (it says what to do); an <see cref="McpException"/> from a tool states a rule it enforces; a
/// timeout says whether repeating is safe; anything else is logged with its detail and answered with a generic
/// message and a reference the operator finds in the log. Protocol errors and cancellation pass through.
/// </summary>
internal static partial class ToolErrorFilter
{
    // A write may have reached HaloPSA before the failure, so the caller is not told to simply repeat it.
    public const string GenericMessage = "The tool failed unexpectedly (reference {0}; the details are in the server log). A read can be retried; a write may or may not have been applied, so check before repeating it.";

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            try
            {
                return await next(request, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ToolCallOutcome.Set(request, ToolCallOutcome.Cancelled);
                throw;
            }
            catch (McpProtocolException)
            {
                // Unknown tool, malformed params: JSON-RPC errors by the spec's rules.
                throw;
            }
            catch (HaloOperationException ex)
            {
                ToolCallOutcome.Set(request, OutcomeOf(ex.Kind));
                return Error(ex.Message);
            }
            catch (McpException ex)
            {
                ToolCallOutcome.Set(request, ToolCallOutcome.Refused);
                return Error(ex.Message);
            }
            catch (TimeoutException)
            {
                ToolCallOutcome.Set(request, ToolCallOutcome.Timeout);
                return Error(IsRead(request)
                    ? "HaloPSA did not answer in time; the read can be retried."
                    : "HaloPSA did not answer in time; the write may or may not have been applied. Check before retrying.");
            }
            catch (Exception ex)
            {
                var reference = Guid.NewGuid().ToString("N")[..12];
                ToolCallOutcome.Set(request, ToolCallOutcome.Failed);
                LogToolFailed(ToolCallLog.LoggerOf(request), request.Params?.Name ?? "?", reference, ex);
                return Error(string.Format(CultureInfo.InvariantCulture, GenericMessage, reference));
            }
        };

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    private static bool IsRead(RequestContext<CallToolRequestParams> request) =>
        request.MatchedPrimitive is McpServerTool { ProtocolTool.Annotations.ReadOnlyHint: true };

    // "RateLimited" -> "rate-limited": the log line's outcome vocabulary.
    private static string OutcomeOf(HaloFailureKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Tool {ToolName} failed unexpectedly (reference {Reference})")]
    private static partial void LogToolFailed(ILogger logger, string toolName, string reference, Exception exception);
}
