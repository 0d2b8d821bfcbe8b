using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// An <c>initialize</c> asking for a revision this server does not serve is answered with
/// <see cref="ProtocolRevisions.November2025"/>, as the spec's negotiation says (the server answers with a revision
/// it supports; the client decides whether to go on). Left alone, the SDK would agree to 2025-03-26 and 2024-11-05.
/// </summary>
internal static class InitializeNegotiation
{
    public static McpMessageHandler Wrap(McpMessageHandler next) =>
        (context, cancellationToken) =>
        {
            if (context.JsonRpcMessage is JsonRpcRequest { Method: RequestMethods.Initialize, Params: JsonObject parameters }
                && parameters["protocolVersion"] is JsonValue version
                && version.TryGetValue<string>(out var requested)
                && !ProtocolRevisions.IsServed(requested))
            {
                parameters["protocolVersion"] = ProtocolRevisions.November2025;
            }

            return next(context, cancellationToken);
        };
}
