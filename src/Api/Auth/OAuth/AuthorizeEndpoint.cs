using HaloMcp.Api.Tenancy;
using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// <c>GET /oauth/authorize</c> (OAuth 2.1 §4.1.1): checks the request and shows the consent page. A request that cannot
/// be trusted to redirect (unknown client, missing or unregistered redirect URI) gets an error page and is never
/// redirected (no open redirect); every other error goes back to the redirect URI as §4.1.2.1 says.
/// </summary>
internal sealed class AuthorizeEndpoint(
    IGrainFactory grains,
    OAuthClients clients,
    OAuthUrls urls,
    TenantCatalog catalog,
    IOptionsMonitor<OAuthOptions> options,
    TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var (client, problem) = await clients.FindAsync(q["client_id"].ToString(), context.RequestAborted);
        if (client is null)
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_client", problem ?? "This client is not known.");
            return;
        }

        var redirectUri = q["redirect_uri"].ToString();
        if (q["redirect_uri"].Count != 1 || redirectUri.Length == 0 || !RedirectUriRules.Matches(client.RedirectUris, redirectUri))
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", redirectUri.Length == 0
                ? "The request has no redirect_uri."
                : "The redirect_uri is not one this client registered, so nothing is sent there.");
            return;
        }

        var state = q.TryGetValue("state", out var s) ? s.ToString() : null;
        var challenge = q["code_challenge"].ToString();
        var resources = q["resource"];
        var refusal = q["response_type"].ToString() != "code" ? ("unsupported_response_type", "response_type must be code.")
            : challenge.Length == 0 ? ("invalid_request", "code_challenge is required (PKCE with S256).")
            : q["code_challenge_method"].ToString() != "S256" ? ("invalid_request", "code_challenge_method must be S256.")
            : challenge.Length != 43 || !OAuthTokens.IsPkceText(challenge) ? ("invalid_request", "code_challenge must be a base64url SHA-256 (43 characters).")
            : resources.Count > 1 || (resources.ToString() is { Length: > 0 } r && !urls.IsOurResource(context.Request, r))
                ? ("invalid_target", "This server issues tokens only for its own MCP endpoint, " + urls.Resource(context.Request) + ".")
            : default((string, string)?);
        if (refusal is var (error, description))
        {
            Redirect(context, RedirectUriRules.WithParameters(redirectUri, ("error", error), ("error_description", description), ("state", state), ("iss", urls.Issuer(context.Request))));
            return;
        }

        var scope = OAuthScopes.Normalize(q["scope"].ToString(), readOnly: false);
        var request = new AuthorizationRequest(client.ClientId, client.Name, redirectUri, state, challenge, scope, urls.Resource(context.Request));
        var consentId = OAuthTokens.Random(16);
        var formToken = OAuthTokens.Random(32);
        var lifetime = TimeSpan.FromSeconds(options.CurrentValue.ConsentLifetimeSeconds);
        var binding = ConsentCookies.Bind(context, consentId, lifetime);
        await grains.GetGrain<IConsentGrain>(consentId).StartAsync(
            new ConsentRecord(request, binding, OAuthTokens.Hash(formToken), time.GetUtcNow() + lifetime), context.RequestAborted);
        await ConsentPage.WriteAsync(context, ViewOf(consentId, formToken, request, catalog));
    }

    public static ConsentPage.View ViewOf(string consentId, string formToken, AuthorizationRequest request, TenantCatalog catalog, string? error = null) =>
        new(consentId, formToken, request.ClientName, request.ClientId, RedirectHost(request.RedirectUri), OAuthScopes.AllowsWrite(request.Scope),
            catalog.AnyAgentSignIn, error);

    public static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
        context.Response.Headers.CacheControl = "no-store";
    }

    private static string RedirectHost(string redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) ? (uri.IsLoopback ? "an application on this computer (" + uri.Authority + ")" : uri.Scheme == Uri.UriSchemeHttps ? uri.Host : uri.Scheme + ":") : redirectUri;
}
