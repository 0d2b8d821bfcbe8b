using ModelContextProtocol.Server;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// How a tool call ended, in one word, as the filter that decided it records it for the call's log line.
/// </summary>
internal static class ToolCallOutcome
{
    public const string Ok = "ok";
    public const string InvalidArguments = "invalid-arguments";
    public const string Refused = "refused";
    public const string Timeout = "timeout";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string UnknownTool = "unknown-tool";

    private const string Key = "halomcp.outcome";

    public static void Set(MessageContext request, string outcome) => request.Items[Key] = outcome;

    public static string? Get(MessageContext request) => request.Items.TryGetValue(Key, out var outcome) ? outcome as string : null;
}
