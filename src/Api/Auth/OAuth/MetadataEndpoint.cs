using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>RFC 8414 metadata at <c>/.well-known/oauth-authorization-server</c>: where everything is and what is supported.</summary>
internal sealed class MetadataEndpoint(OAuthUrls urls)
{
    private static readonly string[] ClientAuthMethods = ["none", "client_secret_post", "client_secret_basic"];

    public Task HandleAsync(HttpContext context)
    {
        var issuer = urls.Issuer(context.Request);
        var metadata = new AuthorizationServerMetadata(
            issuer,
            issuer + OAuthUrls.AuthorizePath,
            issuer + OAuthUrls.TokenPath,
            issuer + OAuthUrls.RegisterPath,
            issuer + OAuthUrls.RevokePath,
            OAuthScopes.Supported,
            ["code"],
            ["query"],
            ["authorization_code", "refresh_token"],
            ClientAuthMethods,
            ClientAuthMethods,
            ["S256"],
            ClientIdMetadataDocumentSupported: true,
            AuthorizationResponseIssParameterSupported: true);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return context.Response.WriteAsJsonAsync(metadata, OAuthJsonContext.Default.AuthorizationServerMetadata, cancellationToken: context.RequestAborted);
    }
}
