namespace HaloMcp.Api.Mcp;

/// <summary>
/// Protocol revisions and HTTP header names of Streamable HTTP. Hard-coded because the SDK keeps its own copies
/// internal.
/// </summary>
/// <remarks>
/// A request without an <c>MCP-Protocol-Version</c> header is served: the spec says to assume 2025-03-26 then (and
/// an <c>initialize</c> request negotiates its version in the body), which the SDK's server handles statelessly.
/// </remarks>
internal static class McpProtocol
{
    public const string July2026 = "2026-07-28";
    public const string November2025 = "2025-11-25";
    public const string June2025 = "2025-06-18";

    public const string ProtocolVersionHeader = "MCP-Protocol-Version";
    public const string SessionIdHeader = "Mcp-Session-Id";
    public const string MethodHeader = "Mcp-Method";
    public const string NameHeader = "Mcp-Name";

    /// <summary>The header values this server accepts, newest first (clients fall back to the first one they know).</summary>
    public static readonly IReadOnlyList<string> SupportedVersions = [July2026, November2025, June2025];

    public static bool IsSupported(string version) => SupportedVersions.Contains(version, StringComparer.Ordinal);
}
