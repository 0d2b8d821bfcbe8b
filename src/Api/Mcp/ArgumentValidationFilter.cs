using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Validates every call's arguments against the tool's published input schema before the tool (and so any grain)
/// runs: the SDK binds arguments but enforces no rule. All problems are answered at once as a tool error.
/// </summary>
internal static class ArgumentValidationFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
        {
            if (request.MatchedPrimitive is not McpServerTool tool || request.Params is not { } parameters)
            {
                return next(request, cancellationToken);
            }

            var (problems, normalized) = ArgumentValidator.Validate(tool.ProtocolTool.InputSchema, parameters.Arguments);
            if (problems.Count > 0)
            {
                ToolCallOutcome.Set(request, ToolCallOutcome.InvalidArguments);
                return ValueTask.FromResult(ToolErrorFilter.Error(string.Join(" ", problems)));
            }

            parameters.Arguments = normalized;
            return next(request, cancellationToken);
        };
}
