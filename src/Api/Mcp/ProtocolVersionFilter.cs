using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Refuses an <c>MCP-Protocol-Version</c> header naming a revision this server does not serve (400, -32022, with the
/// served list), before the SDK, whose own list is wider than what <see cref="ProtocolRevisions"/> serves.
/// </summary>
internal sealed class ProtocolVersionFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var requested = context.HttpContext.Request.Headers[ProtocolRevisions.HeaderName].ToString();
        if (requested.Length == 0 || ProtocolRevisions.IsServed(requested))
        {
            return await next(context);
        }

        var data = JsonSerializer.SerializeToElement(
            new UnsupportedProtocolVersionErrorData { Supported = [.. ProtocolRevisions.Served], Requested = requested },
            McpJsonUtilities.DefaultOptions.GetTypeInfo<UnsupportedProtocolVersionErrorData>());
        await JsonRpcErrorResponse.WriteAsync(context.HttpContext, StatusCodes.Status400BadRequest, McpErrorCode.UnsupportedProtocolVersion,
            $"Unsupported protocol version '{ArgumentValidator.Quote(requested)}'; this server serves {string.Join(", ", ProtocolRevisions.Served)}.", data: data);
        return Results.Empty;
    }
}
