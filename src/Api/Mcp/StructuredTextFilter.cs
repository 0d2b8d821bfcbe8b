using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Replaces the JSON copy the SDK puts in a successful result's text block with <see cref="StructuredText"/>'s compact
/// rendering of the same data (the catalogue's convention): a client that reads <c>structuredContent</c> has the JSON,
/// and one that gives the model the text does not pay for every key and quote twice (a 25-row ticket list: about
/// 6 KB of text instead of 18 KB of escaped JSON).
/// </summary>
internal static class StructuredTextFilter
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Wrap(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            var result = await next(request, cancellationToken);
            if (result is { IsError: not true, StructuredContent: { ValueKind: System.Text.Json.JsonValueKind.Object } structured })
            {
                result.Content = [new TextContentBlock { Text = StructuredText.Render(structured) }];
            }

            return result;
        };
}
