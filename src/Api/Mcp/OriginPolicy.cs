using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// DNS-rebinding protection: a request that carries an <c>Origin</c> header is served only when that origin is
/// allowed (loopback origins by default, plus <see cref="McpHttpOptions.AllowedOrigins"/>).
/// </summary>
internal sealed class OriginPolicy(IOptionsMonitor<McpHttpOptions> options)
{
    public bool IsAllowed(string? origin)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        var current = options.CurrentValue;
        if (current.AllowedOrigins.Contains("*"))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        if (current.AllowLoopbackOrigins && uri.IsLoopback)
        {
            return true;
        }

        var normalized = uri.GetLeftPart(UriPartial.Authority);
        return current.AllowedOrigins.Any(allowed =>
            Uri.TryCreate(allowed, UriKind.Absolute, out var a)
            && string.Equals(a.GetLeftPart(UriPartial.Authority), normalized, StringComparison.OrdinalIgnoreCase));
    }
}
