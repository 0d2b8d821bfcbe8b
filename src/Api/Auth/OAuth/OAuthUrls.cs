using HaloMcp.Api.Mcp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// The addresses the authorization server answers with: its issuer (the public base URL, or the request's own
/// scheme and host), its endpoints, and the one resource it issues tokens for (the MCP endpoint, RFC 8707).
/// </summary>
internal sealed class OAuthUrls(IOptionsMonitor<McpHttpOptions> options)
{
    public const string MetadataPath = "/.well-known/oauth-authorization-server";
    public const string AuthorizePath = "/oauth/authorize";
    public const string TokenPath = "/oauth/token";
    public const string RegisterPath = "/oauth/register";
    public const string RevokePath = "/oauth/revoke";
    public const string HaloCallbackPath = "/oauth/halopsa/callback";

    /// <summary>The issuer: scheme://host[:port], no path and no trailing slash.</summary>
    public string Issuer(HttpRequest request) =>
        options.CurrentValue.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{request.Scheme}://{request.Host}";

    /// <summary>The MCP endpoint as a resource indicator.</summary>
    public string Resource(HttpRequest request) => Issuer(request) + options.CurrentValue.Path;

    /// <summary>Where HaloPSA sends an agent back after signing in.</summary>
    public Uri HaloCallback(HttpRequest request) => new(Issuer(request) + HaloCallbackPath);

    /// <summary>Whether <paramref name="resource"/> names our MCP endpoint (scheme and host compared without case, no trailing slash).</summary>
    public bool IsOurResource(HttpRequest request, string resource) =>
        Uri.TryCreate(resource, UriKind.Absolute, out var asked)
        && string.IsNullOrEmpty(asked.Fragment)
        && Uri.TryCreate(Resource(request), UriKind.Absolute, out var ours)
        && Uri.Compare(asked, ours, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0
        && string.Equals(asked.AbsolutePath.TrimEnd('/'), ours.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal)
        && string.IsNullOrEmpty(asked.Query);
}
