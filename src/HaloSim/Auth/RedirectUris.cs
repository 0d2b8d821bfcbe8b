namespace HaloMcp.HaloSim.Auth;

/// <summary>Redirect URI rules of the authorization-code flow.</summary>
internal static class RedirectUris
{
    /// <summary>
    /// Whether <paramref name="presented"/> is one of the registered URIs: exactly, or for a loopback host on any port
    /// (RFC 8252 §7.3: a native app listens on whatever port it got).
    /// </summary>
    public static bool IsRegistered(IEnumerable<string> registered, string presented)
    {
        if (!Uri.TryCreate(presented, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        return registered.Any(r => string.Equals(r, presented, StringComparison.Ordinal)
            || (Uri.TryCreate(r, UriKind.Absolute, out var known) && IsLoopback(known) && IsLoopback(uri)
                && known.Scheme == uri.Scheme && string.Equals(known.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                && known.PathAndQuery == uri.PathAndQuery));
    }

    /// <summary><paramref name="redirectUri"/> with the answer's parameters added to its query.</summary>
    public static string WithParameters(string redirectUri, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback && uri.Scheme == Uri.UriSchemeHttp;
}
