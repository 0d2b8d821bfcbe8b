using System.Security.Claims;
using HaloMcp.Api.Auth.OAuth;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Auth;

/// <summary>
/// Which tools a caller may use follows its scope: a caller without <c>halopsa:write</c> (a read-only tenant, or a
/// token consented read-only) does not see the tools that are not annotated read-only, and calling one is refused
/// before its arguments are read. A caller with no principal (stdio: one local tenant) is not limited here.
/// </summary>
internal static class WriteAccessFilter
{
    public const string ReadOnlyRefusal =
        "This session is read-only (the tenant or the sign-in allows reading only), so this tool cannot be used.";

    public static McpRequestHandler<ListToolsRequestParams, ListToolsResult> WrapList(McpRequestHandler<ListToolsRequestParams, ListToolsResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken);
            if (MayWrite(request.User))
            {
                return result;
            }

            result.Tools = [.. result.Tools.Where(t => t.Annotations?.ReadOnlyHint == true)];
            return result;
        };

    public static McpRequestHandler<CallToolRequestParams, CallToolResult> WrapCall(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        (request, cancellationToken) =>
            MayWrite(request.User) || request.MatchedPrimitive is McpServerTool { ProtocolTool.Annotations.ReadOnlyHint: true }
                ? next(request, cancellationToken)
                : throw new McpException(ReadOnlyRefusal);

    private static bool MayWrite(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated != true || OAuthScopes.AllowsWrite(user.FindFirst(ApiKeyAuthenticationDefaults.ScopeClaim)?.Value);
}
