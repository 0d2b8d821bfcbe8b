namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// The scopes of HaloMcp's tokens: <see cref="Read"/> calls the tools annotated read-only, <see cref="Write"/> also the
/// others. Which a session gets also depends on the tenant (a read-only tenant never grants write).
/// </summary>
internal static class OAuthScopes
{
    public const string Read = "halopsa:read";
    public const string Write = "halopsa:write";
    public const string All = Read + " " + Write;

    public static readonly string[] Supported = [Read, Write];

    /// <summary>
    /// The scopes of ours that <paramref name="requested"/> names (others are ignored, as RFC 6749 §3.3 allows), all
    /// of them when it names none; write implies read.
    /// </summary>
    public static string Normalize(string? requested, bool readOnly)
    {
        var names = (requested ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var write = !readOnly && (names.Contains(Write, StringComparer.Ordinal) || !names.Contains(Read, StringComparer.Ordinal));
        return write ? All : Read;
    }

    /// <summary>Whether <paramref name="scope"/> (space-separated) allows writing.</summary>
    public static bool AllowsWrite(string? scope) =>
        scope is not null && scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(Write, StringComparer.Ordinal);
}
