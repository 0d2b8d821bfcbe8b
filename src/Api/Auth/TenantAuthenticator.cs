using System.Security.Cryptography;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Auth;

/// <summary>
/// Turns a request's <c>Authorization: Bearer</c> key (and, in gateway mode, its <c>X-Halo-*</c> headers) into a
/// tenant. Keys are only ever compared as SHA-256 digests, in constant time.
/// </summary>
internal sealed class TenantAuthenticator(TenantCatalog catalog, GatewayTenants gateway, IOptionsMonitor<McpHttpOptions> options)
{
    public const string HaloUrlHeader = "X-Halo-Url";
    public const string HaloClientIdHeader = "X-Halo-Client-Id";
    public const string HaloClientSecretHeader = "X-Halo-Client-Secret";
    public const string HaloTenantHeader = "X-Halo-Tenant";
    public const string HaloScopeHeader = "X-Halo-Scope";

    public TenantAuthentication Authenticate(HttpRequest request)
    {
        var key = ReadBearer(request);
        if (key is null)
        {
            return TenantAuthentication.Fail(TenantAuthenticationFailure.MissingKey, "Missing bearer API key.");
        }

        var current = options.CurrentValue;
        if (current.GatewayMode && IsGatewayKey(key, current.GatewayKeyHashes))
        {
            return FromGatewayHeaders(request);
        }

        // A key shorter than any we issue or accept cannot be one: it is refused without looking.
        return key.Length >= ApiKeyHash.MinimumKeyLength && catalog.FindByApiKey(key) is { } tenant
            ? TenantAuthentication.Success(tenant)
            : TenantAuthentication.Fail(TenantAuthenticationFailure.UnknownKey, "Unknown API key.");
    }

    public static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    private static bool IsGatewayKey(string key, IList<string> hashes)
    {
        var presented = ApiKeyHash.DigestOf(key);
        var match = false;
        foreach (var hash in hashes)
        {
            if (ApiKeyHash.IsWellFormed(hash))
            {
                match |= CryptographicOperations.FixedTimeEquals(ApiKeyHash.ToDigest(hash), presented);
            }
        }

        return match;
    }

    private TenantAuthentication FromGatewayHeaders(HttpRequest request)
    {
        var url = request.Headers[HaloUrlHeader].ToString().Trim();
        var clientId = request.Headers[HaloClientIdHeader].ToString().Trim();
        var secret = request.Headers[HaloClientSecretHeader].ToString().Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var haloUrl) || (haloUrl.Scheme != Uri.UriSchemeHttps && haloUrl.Scheme != Uri.UriSchemeHttp))
        {
            return TenantAuthentication.Fail(TenantAuthenticationFailure.InvalidGatewayHeaders, $"Gateway mode: the {HaloUrlHeader} header must be an absolute http(s) URL.");
        }

        if (clientId.Length == 0 || secret.Length == 0)
        {
            return TenantAuthentication.Fail(TenantAuthenticationFailure.InvalidGatewayHeaders, $"Gateway mode: the {HaloClientIdHeader} and {HaloClientSecretHeader} headers are required.");
        }

        var haloTenant = request.Headers[HaloTenantHeader].ToString().Trim();
        var scope = request.Headers[HaloScopeHeader].ToString().Trim();
        return TenantAuthentication.Success(gateway.Register(
            new Uri(haloUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')),
            clientId,
            secret,
            haloTenant.Length == 0 ? null : haloTenant,
            scope.Length == 0 ? null : scope));
    }
}
