using System.Security.Cryptography;
using System.Text;
using HaloMcp.HaloSim.Wire;
using Microsoft.Extensions.Primitives;

namespace HaloMcp.HaloSim.Auth;

/// <summary>
/// The authorisation server of an instance: <c>POST /auth/token</c> (client credentials, authorization code with PKCE,
/// refresh token) and <c>GET|POST /auth/authorize</c> (the agents' sign-in page). Errors follow RFC 6749 §5.2 (400
/// with <c>error</c>, 401 for <c>invalid_client</c>) and, on the authorize endpoint, §4.1.2.1: a request that cannot
/// be trusted to redirect (unknown client, unregistered redirect URI) gets an error page, every other error goes back
/// to the redirect URI. HaloPSA's exact answers are not documented; these are the standard's.
/// </summary>
internal static class AuthEndpoints
{
    public static async Task HandleAsync(HttpContext ctx, SimInstance instance, string[] rest, SimRequestOutcome outcome)
    {
        var endpoint = rest.Length == 2 ? rest[1].ToLowerInvariant() : "";
        var method = ctx.Request.Method;
        switch (endpoint)
        {
            case "token" when HttpMethods.IsPost(method):
                await TokenAsync(ctx, instance, outcome);
                break;
            case "authorize" when HttpMethods.IsGet(method) || HttpMethods.IsPost(method):
                await AuthorizeAsync(ctx, instance, outcome);
                break;
            case "token" or "authorize":
                ctx.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                break;
            default:
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    // --- /auth/token ----------------------------------------------------------------------------------------

    private static async Task TokenAsync(HttpContext ctx, SimInstance instance, SimRequestOutcome outcome)
    {
        if (!ctx.Request.HasFormContentType)
        {
            await ErrorAsync(ctx, 400, "invalid_request", "the token request must be form-encoded");
            return;
        }

        var form = await ctx.Request.ReadFormAsync(ctx.RequestAborted);
        var grant = form["grant_type"].ToString();
        if (grant is not ("client_credentials" or "authorization_code" or "refresh_token"))
        {
            await ErrorAsync(ctx, 400, "unsupported_grant_type", null);
            return;
        }

        var (clientId, secret) = ClientCredentialsOf(ctx, form);
        var app = instance.FindApplication(clientId);
        if (app is null || ((app.Method == SimAuthenticationMethod.ClientCredentials || !app.IsPublic) && !SecretMatches(app.ClientSecret, secret)))
        {
            await ErrorAsync(ctx, 401, "invalid_client", null);
            return;
        }

        outcome.ClientId = app.ClientId;
        var expected = grant == "client_credentials" ? SimAuthenticationMethod.ClientCredentials : SimAuthenticationMethod.AuthorizationCode;
        if (app.Method != expected)
        {
            await ErrorAsync(ctx, 400, "unauthorized_client", $"the application '{app.Name}' does not use the {grant} grant");
            return;
        }

        var requested = form.ContainsKey("scope") ? Scopes(form["scope"]) : null;
        if (requested is not null && app.RefusedScope(requested) is { } refused)
        {
            await ErrorAsync(ctx, 400, "invalid_scope", $"the API application may not be granted '{refused}'");
            return;
        }

        if (grant == "client_credentials")
        {
            var scopes = requested ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            await TokensAsync(ctx, instance, instance.Tokens.Issue(scopes, app.ClientId), null, scopes);
            return;
        }

        var missing = grant == "authorization_code"
            ? new[] { "code", "redirect_uri", "code_verifier" }.FirstOrDefault(f => string.IsNullOrEmpty(form[f]))
            : string.IsNullOrEmpty(form["refresh_token"]) ? "refresh_token" : null;
        if (missing is not null)
        {
            await ErrorAsync(ctx, 400, "invalid_request", $"{missing} is required");
            return;
        }

        string? error;
        string? problem;
        SignInTokens? tokens;
        if (grant == "authorization_code")
        {
            var verifier = form["code_verifier"].ToString();
            if (!IsPkceText(verifier))
            {
                await ErrorAsync(ctx, 400, "invalid_request", "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~'");
                return;
            }

            (problem, tokens) = instance.Authorization.Redeem(app.ClientId, form["code"].ToString(), form["redirect_uri"].ToString(), verifier);
            error = problem is null ? null : "invalid_grant";
        }
        else
        {
            (error, problem, tokens) = instance.Authorization.Refresh(app.ClientId, form["refresh_token"].ToString(), requested);
        }

        if (tokens is null)
        {
            await ErrorAsync(ctx, 400, error!, problem);
            return;
        }

        outcome.AgentId = tokens.AgentId;
        await TokensAsync(ctx, instance, tokens.AccessToken, tokens.RefreshToken, tokens.Scopes);
    }

    private static Task TokensAsync(HttpContext ctx, SimInstance instance, string access, string? refresh, IReadOnlySet<string> scopes)
    {
        ctx.Response.Headers.CacheControl = "no-store";
        return SimRequestDispatcher.WriteAsync(ctx, 200,
            new TokenResponse(access, "Bearer", (int)instance.Tokens.Lifetime.TotalSeconds, string.Join(' ', scopes), refresh),
            SimJsonContext.Default.TokenResponse);
    }

    /// <summary>The client's id and secret from the form, or from HTTP Basic (RFC 6749 §2.3.1).</summary>
    private static (string ClientId, string? Secret) ClientCredentialsOf(HttpContext ctx, IFormCollection form)
    {
        var header = ctx.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (Uri.UnescapeDataString(pair[..colon]), Uri.UnescapeDataString(pair[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                // Not Basic credentials after all: fall back to the form.
            }
        }

        return (form["client_id"].ToString(), form.TryGetValue("client_secret", out var secret) ? secret.ToString() : null);
    }

    private static bool SecretMatches(string? expected, string? presented) =>
        expected is not null && presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    // --- /auth/authorize ------------------------------------------------------------------------------------

    private static async Task AuthorizeAsync(HttpContext ctx, SimInstance instance, SimRequestOutcome outcome)
    {
        var q = ctx.Request.Query;
        var app = instance.FindApplication(q["client_id"].ToString());
        if (app is null)
        {
            await LoginPage.WriteRefusalAsync(ctx, "invalid_client", "This application is not known to this HaloPSA instance.");
            return;
        }

        outcome.ClientId = app.ClientId;
        var redirectUri = q["redirect_uri"].ToString();
        if (string.IsNullOrEmpty(redirectUri) || !RedirectUris.IsRegistered(app.RedirectUris, redirectUri))
        {
            await LoginPage.WriteRefusalAsync(ctx, "invalid_request", string.IsNullOrEmpty(redirectUri)
                ? "The request has no redirect_uri."
                : "The redirect_uri is not registered for this application.");
            return;
        }

        var state = q.TryGetValue("state", out var s) ? s.ToString() : null;
        var challenge = q["code_challenge"].ToString();
        var scopes = Scopes(q["scope"]);
        var refusal = q["response_type"].ToString() != "code" ? ("unsupported_response_type", "response_type must be code")
            : app.Method != SimAuthenticationMethod.AuthorizationCode ? ("unauthorized_client", "this application does not use the authorization code grant")
            : string.IsNullOrEmpty(challenge) ? ("invalid_request", "code_challenge is required (PKCE)")
            : q["code_challenge_method"].ToString() != "S256" ? ("invalid_request", "code_challenge_method must be S256")
            : challenge.Length != 43 || !IsPkceText(challenge) ? ("invalid_request", "code_challenge must be a base64url SHA-256 (43 characters)")
            : app.RefusedScope(scopes) is { } refused ? ("invalid_scope", $"the application may not be granted '{refused}'")
            : default((string, string)?);
        if (refusal is var (error, description))
        {
            Redirect(ctx, RedirectUris.WithParameters(redirectUri, ("error", error), ("error_description", description), ("state", state)));
            return;
        }

        if (HttpMethods.IsGet(ctx.Request.Method))
        {
            await LoginPage.WriteAsync(ctx, instance, app, error: null, username: null);
            return;
        }

        var form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync(ctx.RequestAborted) : null;
        var username = form?["username"].ToString() ?? "";
        var login = instance.AgentLogins.FirstOrDefault(l => string.Equals(l.Username, username.Trim(), StringComparison.OrdinalIgnoreCase));
        if (login is null || !SecretMatches(login.Password, form?["password"].ToString()))
        {
            await LoginPage.WriteAsync(ctx, instance, app, "The username or password is incorrect.", username);
            return;
        }

        if (login.Disabled)
        {
            await LoginPage.WriteAsync(ctx, instance, app, "This agent account is disabled.", username);
            return;
        }

        outcome.AgentId = login.AgentId;
        var code = instance.Authorization.IssueCode(app.ClientId, redirectUri, challenge, scopes, login.AgentId);
        Redirect(ctx, RedirectUris.WithParameters(redirectUri, ("code", code), ("state", state)));
    }

    private static void Redirect(HttpContext ctx, string location)
    {
        ctx.Response.StatusCode = StatusCodes.Status302Found;
        ctx.Response.Headers.Location = location;
        ctx.Response.Headers.CacheControl = "no-store";
    }

    private static HashSet<string> Scopes(StringValues value) =>
        value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>RFC 7636's unreserved characters, 43 to 128 of them (verifiers; challenges are 43 of the base64url subset).</summary>
    private static bool IsPkceText(string text) =>
        text.Length is >= 43 and <= 128 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    private static Task ErrorAsync(HttpContext ctx, int status, string error, string? description) =>
        SimRequestDispatcher.WriteAsync(ctx, status, new OAuthError(error, description), SimJsonContext.Default.OAuthError);
}
