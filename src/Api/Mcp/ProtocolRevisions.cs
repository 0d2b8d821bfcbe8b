namespace HaloMcp.Api.Mcp;

/// <summary>
/// The MCP revisions this server serves, everywhere alike: in the <c>MCP-Protocol-Version</c> header
/// (<see cref="ProtocolVersionFilter"/>) and in <c>initialize</c> (<see cref="InitializeNegotiation"/>).
/// </summary>
/// <remarks>
/// 2025-03-26 (the first Streamable HTTP revision) and 2024-11-05 are not served: the SDK would negotiate them in
/// <c>initialize</c> yet refuse them in the header. A request without the header is served: <c>initialize</c> never
/// carries one, and a stateless server has no other way to tell, so it gets the oldest served revision's rules.
/// </remarks>
internal static class ProtocolRevisions
{
    public const string July2026 = "2026-07-28";
    public const string November2025 = "2025-11-25";
    public const string June2025 = "2025-06-18";

    public const string HeaderName = "MCP-Protocol-Version";

    /// <summary>Newest first: a client picks the first it knows.</summary>
    public static readonly IReadOnlyList<string> Served = [July2026, November2025, June2025];

    public static bool IsServed(string revision) => Served.Contains(revision, StringComparer.Ordinal);
}
