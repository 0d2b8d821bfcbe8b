using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// <c>POST /oauth/revoke</c> (RFC 7009): revoking a refresh token or an access token ends its whole grant, so the
/// client is signed out. An unknown or already revoked token is answered 200 like a revoked one (§2.2).
/// </summary>
internal sealed class RevocationEndpoint(IGrainFactory grains, ClientAuthentication clientAuthentication)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The revocation request must be form-encoded.");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var (client, problem) = await clientAuthentication.AuthenticateAsync(context.Request, form);
        if (client is null)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", problem);
            return;
        }

        var token = form["token"].ToString();
        if (token.Length == 0)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "token is required.");
            return;
        }

        if (OAuthTokens.TryReadGrant(token, OAuthTokens.RefreshPrefix, out var grantId) || OAuthTokens.TryReadGrant(token, OAuthTokens.AccessPrefix, out grantId))
        {
            await grains.GetGrain<IOAuthGrantGrain>(grantId).RevokeAsync(OAuthTokens.Hash(token), client.ClientId, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.CacheControl = "no-store";
    }
}
