using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// DNS-rebinding protection, which the SDK leaves to the host: a request whose <c>Origin</c> is not allowed gets 403
/// before the MCP server sees it (<see cref="OriginPolicy"/>).
/// </summary>
internal sealed partial class OriginFilter(OriginPolicy policy, ILogger<OriginFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var origin = context.HttpContext.Request.Headers.Origin.ToString();
        if (policy.IsAllowed(origin))
        {
            return await next(context);
        }

        LogOriginRejected(logger, ArgumentValidator.Quote(origin));
        await JsonRpcErrorResponse.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, (McpErrorCode)(-32000), "Forbidden: this Origin is not allowed.");
        return Results.Empty;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Rejected a request from origin {Origin}")]
    private static partial void LogOriginRejected(ILogger logger, string origin);
}
