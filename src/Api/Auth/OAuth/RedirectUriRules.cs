namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Which redirect URIs a client may register, and when a presented one matches: exactly (OAuth 2.1 §2.3.1), except
/// that a loopback <c>http</c> URI matches on any port (RFC 8252 §7.3: a native app gets whatever port is free).
/// </summary>
internal static class RedirectUriRules
{
    private static readonly string[] ForbiddenSchemes = ["javascript", "data", "file", "vbscript", "about", "blob", "filesystem", "ftp", "ws", "wss"];

    /// <summary>Why <paramref name="uri"/> cannot be registered, or null when it can.</summary>
    public static string? Problem(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || uri.Length > 2000)
        {
            return $"'{Shorten(uri)}' is not an absolute URI";
        }

        if (!string.IsNullOrEmpty(parsed.Fragment) || uri.Contains('#', StringComparison.Ordinal))
        {
            return $"'{Shorten(uri)}' has a fragment";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return $"'{Shorten(uri)}' carries user information";
        }

        if (parsed.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        if (parsed.Scheme == Uri.UriSchemeHttp)
        {
            return IsLoopback(parsed) ? null : $"'{Shorten(uri)}' uses http on a host that is not loopback; use https";
        }

        // A native app's private-use scheme is a reversed domain name it owns (RFC 8252 §7.1).
        return ForbiddenSchemes.Contains(parsed.Scheme, StringComparer.OrdinalIgnoreCase) || !parsed.Scheme.Contains('.', StringComparison.Ordinal)
            ? $"'{Shorten(uri)}' uses scheme '{parsed.Scheme}'; use https, http on a loopback address, or a reversed domain name"
            : null;
    }

    /// <summary>Whether <paramref name="presented"/> is one of <paramref name="registered"/>.</summary>
    public static bool Matches(IEnumerable<string> registered, string presented)
    {
        if (!Uri.TryCreate(presented, UriKind.Absolute, out var uri) || presented.Contains('#', StringComparison.Ordinal))
        {
            return false;
        }

        return registered.Any(r => string.Equals(r, presented, StringComparison.Ordinal)
            || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri)
                && Uri.TryCreate(r, UriKind.Absolute, out var known) && known.Scheme == Uri.UriSchemeHttp && IsLoopback(known)
                && string.Equals(known.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                && known.PathAndQuery == uri.PathAndQuery));
    }

    /// <summary><paramref name="redirectUri"/> with the answer's parameters added to its query.</summary>
    public static string WithParameters(string redirectUri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback;

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "...";
}
