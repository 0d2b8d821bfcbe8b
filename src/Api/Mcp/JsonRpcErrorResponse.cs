using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace HaloMcp.Api.Mcp;

/// <summary>A JSON-RPC error answered as a plain JSON body, for requests refused before the MCP server sees them.</summary>
internal static class JsonRpcErrorResponse
{
    public static Task WriteAsync(HttpContext context, int statusCode, McpErrorCode code, string message, RequestId? id = null, JsonElement? data = null)
    {
        var error = new JsonRpcError
        {
            Id = id ?? default,
            Error = new JsonRpcErrorDetail { Code = (int)code, Message = message, Data = data },
        };
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(error, McpJsonUtilities.DefaultOptions.GetTypeInfo<JsonRpcError>(), cancellationToken: context.RequestAborted);
    }
}
