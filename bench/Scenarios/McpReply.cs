using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>One tool call's answer as a client sees it.</summary>
/// <param name="HttpStatus">HTTP status of the POST.</param>
/// <param name="MessageBytes">UTF-8 bytes of the JSON-RPC response message (the SSE <c>data:</c> payload).</param>
/// <param name="StructuredBytes">UTF-8 bytes of <c>structuredContent</c> alone.</param>
/// <param name="TextBytes">UTF-8 bytes of the text content blocks alone.</param>
/// <param name="Milliseconds">Time from sending the POST to the last byte of the answer.</param>
/// <param name="IsError">Whether the call failed (a tool error or a JSON-RPC error).</param>
/// <param name="Text">The text content (or the error message).</param>
/// <param name="Structured">The structured result, when there is one.</param>
internal sealed record McpReply(int HttpStatus, int MessageBytes, int StructuredBytes, int TextBytes, double Milliseconds, bool IsError, string Text, JsonNode? Structured);
