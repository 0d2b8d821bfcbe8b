using HaloMcp.Api.Tenancy;
using HaloMcp.Grains.OAuth;
using HaloMcp.Grains.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// The resource server's check of an access token on the MCP endpoint: its grant (any front end asks the grant's
/// grain), its audience (RFC 8707: our MCP endpoint), and that what it was signed in with still holds: the tenant is
/// configured, the API key is still one of its keys, or the tenant still offers HaloPSA sign-in.
/// </summary>
internal sealed class AccessTokenValidator(IGrainFactory grains, TenantCatalog catalog, OAuthUrls urls, IOptionsMonitor<OAuthOptions> options)
{
    public async Task<(TenantSettings? Tenant, AccessGrant? Grant, string? Problem)> ValidateAsync(string token, HttpRequest request)
    {
        if (!options.CurrentValue.Enabled || !OAuthTokens.TryReadGrant(token, OAuthTokens.AccessPrefix, out var grantId))
        {
            return (null, null, "The access token is not valid.");
        }

        var grant = await grains.GetGrain<IOAuthGrantGrain>(grantId).ValidateAccessAsync(OAuthTokens.Hash(token), request.HttpContext.RequestAborted);
        if (grant is null)
        {
            return (null, null, "The access token is invalid, expired or revoked.");
        }

        if (!urls.IsOurResource(request, grant.Resource))
        {
            return (null, null, "The access token was issued for another resource.");
        }

        var tenant = catalog.Find(grant.Subject.TenantId);
        var stillValid = tenant is not null && (grant.Subject.ApiKeyDigest is { } digest
            ? catalog.HasApiKey(tenant.TenantId, digest)
            : grant.Subject.IsAgent && tenant.AgentSignIn is not null);
        return stillValid
            ? (tenant, grant, null)
            : (null, null, "What this access token was signed in with no longer opens its tenant; sign in again.");
    }
}
