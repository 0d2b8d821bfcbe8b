using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>Answers a consented authorization request: a new grant with its code, or a refusal, as the redirect back.</summary>
internal sealed class GrantIssuer(IGrainFactory grains, OAuthUrls urls, IOptionsMonitor<OAuthOptions> options, TimeProvider time)
{
    /// <summary>Starts grant <paramref name="grantId"/> for <paramref name="subject"/> and answers where to send the browser with its code.</summary>
    public async Task<string> IssueCodeAsync(HttpRequest http, string grantId, AuthorizationRequest request, GrantSubject subject, bool readOnly)
    {
        var code = OAuthTokens.New(OAuthTokens.CodePrefix, grantId);
        var scope = readOnly ? OAuthScopes.Read : request.Scope;
        var start = new GrantStart(
            request.ClientId, request.RedirectUri, request.CodeChallenge, scope, request.Resource, subject,
            OAuthTokens.Hash(code), time.GetUtcNow().AddSeconds(options.CurrentValue.AuthorizationCodeLifetimeSeconds));
        if (!await grains.GetGrain<IOAuthGrantGrain>(grantId).StartAsync(start, http.HttpContext.RequestAborted))
        {
            return Refusal(http, request, "server_error", "The authorization could not be stored; try again.");
        }

        return RedirectUriRules.WithParameters(request.RedirectUri, ("code", code), ("state", request.State), ("iss", urls.Issuer(http)));
    }

    /// <summary>Where to send the browser with <paramref name="error"/> (OAuth 2.1 §4.1.2.1, with RFC 9207's <c>iss</c>).</summary>
    public string Refusal(HttpRequest http, AuthorizationRequest request, string error, string description) =>
        RedirectUriRules.WithParameters(request.RedirectUri, ("error", error), ("error_description", description), ("state", request.State), ("iss", urls.Issuer(http)));
}
