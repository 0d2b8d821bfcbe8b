using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// The outermost call-tool filter: a <see cref="ToolException"/> becomes an <c>isError</c> result carrying its
/// message; any other failure is logged with its detail and answered with a generic message and a reference
/// the operator can find in the logs.
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
            catch (ToolException ex)
            {
                LogToolReportedError(LoggerFor(request), request.Params?.Name ?? "?", ex.Message);
                return ErrorResult(ex.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (McpProtocolException)
            {
                // Protocol errors (unknown tool, invalid params) are JSON-RPC errors by the spec's rules.
                throw;
            }
            catch (Exception ex)
            {
                var reference = Guid.NewGuid().ToString("N")[..12];
                LogToolFailed(LoggerFor(request), request.Params?.Name ?? "?", reference, ex);
                return ErrorResult(string.Format(System.Globalization.CultureInfo.InvariantCulture, GenericMessage, reference));
            }
        };

    private static ILogger LoggerFor(RequestContext<CallToolRequestParams> request) =>
        request.Services?.GetService<ILoggerFactory>()?.CreateLogger(typeof(ToolErrorFilter).FullName!) ?? NullLogger.Instance;

    private static CallToolResult ErrorResult(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Tool {ToolName} reported an error: {ErrorMessage}")]
    private static partial void LogToolReportedError(ILogger logger, string toolName, string errorMessage);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Error, Message = "Tool {ToolName} failed unexpectedly (reference {Reference})")]
    private static partial void LogToolFailed(ILogger logger, string toolName, string reference, Exception exception);
}
