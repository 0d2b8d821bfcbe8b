using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// <c>POST /oauth/token</c>: the authorization-code grant (PKCE S256 required) and the refresh-token grant (the refresh
/// token rotates on every use). Errors are RFC 6749 §5.2's (401 for <c>invalid_client</c>) and RFC 8707's
/// <c>invalid_target</c>. New tokens are made here; only their hashes go to the grant's grain.
/// </summary>
internal sealed partial class TokenEndpoint(
    IGrainFactory grains,
    ClientAuthentication clientAuthentication,
    OAuthUrls urls,
    IOptionsMonitor<OAuthOptions> options,
    TimeProvider time,
    ILogger<TokenEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The token request must be form-encoded (application/x-www-form-urlencoded).");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var grantType = form["grant_type"].ToString();
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, grantType.Length == 0 ? "invalid_request" : "unsupported_grant_type",
                "grant_type must be authorization_code or refresh_token.");
            return;
        }

        var (client, problem) = await clientAuthentication.AuthenticateAsync(context.Request, form);
        if (client is null)
        {
            if (context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"HaloMcp\"";
            }

            await OAuthResults.ErrorAsync(context, StatusCodes.Status401Unauthorized, "invalid_client", problem);
            return;
        }

        if (form["resource"].Count > 1 || (form["resource"].ToString() is { Length: > 0 } resource && !urls.IsOurResource(context.Request, resource)))
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_target", "This server issues tokens only for its own MCP endpoint, " + urls.Resource(context.Request) + ".");
            return;
        }

        var asked = form["resource"].ToString() is { Length: > 0 } ? urls.Resource(context.Request) : null;
        if (grantType == "authorization_code")
        {
            await RedeemCodeAsync(context, form, client, asked);
        }
        else
        {
            await RefreshAsync(context, form, client, asked);
        }
    }

    private async Task RedeemCodeAsync(HttpContext context, IFormCollection form, OAuthClient client, string? resource)
    {
        string code = form["code"].ToString(), redirectUri = form["redirect_uri"].ToString(), verifier = form["code_verifier"].ToString();
        var missing = code.Length == 0 ? "code" : redirectUri.Length == 0 ? "redirect_uri" : verifier.Length == 0 ? "code_verifier" : null;
        if (missing is not null)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", $"{missing} is required.");
            return;
        }

        if (!OAuthTokens.IsPkceText(verifier))
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~'.");
            return;
        }

        if (!OAuthTokens.TryReadGrant(code, OAuthTokens.CodePrefix, out var grantId))
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "The authorization code is invalid.");
            return;
        }

        var (issue, access, refresh) = NewTokens(grantId);
        var outcome = await grains.GetGrain<IOAuthGrantGrain>(grantId).RedeemCodeAsync(
            new CodeRedemption(OAuthTokens.Hash(code), client.ClientId, redirectUri, OAuthTokens.S256(verifier), resource, issue), context.RequestAborted);
        await AnswerAsync(context, outcome, grantId, access, refresh);
    }

    private async Task RefreshAsync(HttpContext context, IFormCollection form, OAuthClient client, string? resource)
    {
        var token = form["refresh_token"].ToString();
        if (token.Length == 0)
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "refresh_token is required.");
            return;
        }

        string? scope = null;
        if (form.ContainsKey("scope"))
        {
            var names = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (names.Length == 0 || names.Any(n => !OAuthScopes.Supported.Contains(n, StringComparer.Ordinal)))
            {
                await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_scope", $"scope may name only {OAuthScopes.All}.");
                return;
            }

            scope = string.Join(' ', names);
        }

        if (!OAuthTokens.TryReadGrant(token, OAuthTokens.RefreshPrefix, out var grantId))
        {
            await OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_grant", "The refresh token is invalid or has been revoked.");
            return;
        }

        var (issue, access, refresh) = NewTokens(grantId);
        var outcome = await grains.GetGrain<IOAuthGrantGrain>(grantId).RefreshAsync(new TokenRefresh(OAuthTokens.Hash(token), client.ClientId, scope, resource, issue), context.RequestAborted);
        await AnswerAsync(context, outcome, grantId, access, refresh);
    }

    private (TokenIssue Issue, string Access, string Refresh) NewTokens(string grantId)
    {
        var now = time.GetUtcNow();
        var current = options.CurrentValue;
        var access = OAuthTokens.New(OAuthTokens.AccessPrefix, grantId);
        var refresh = OAuthTokens.New(OAuthTokens.RefreshPrefix, grantId);
        return (new TokenIssue(
            OAuthTokens.Hash(access), now.AddSeconds(current.AccessTokenLifetimeSeconds),
            OAuthTokens.Hash(refresh), now.AddDays(current.RefreshTokenLifetimeDays)), access, refresh);
    }

    private Task AnswerAsync(HttpContext context, GrantOutcome outcome, string grantId, string access, string refresh)
    {
        if (outcome.Error is { } error)
        {
            LogRefused(logger, grantId, error, outcome.Description ?? string.Empty);
            return OAuthResults.ErrorAsync(context, StatusCodes.Status400BadRequest, error, outcome.Description);
        }

        LogIssued(logger, grantId);
        return OAuthResults.JsonAsync(
            context,
            StatusCodes.Status200OK,
            new TokenResponse(access, "Bearer", options.CurrentValue.AccessTokenLifetimeSeconds, refresh, outcome.Scope!),
            OAuthJsonContext.Default.TokenResponse);
    }

    [LoggerMessage(EventId = 1310, Level = LogLevel.Information, Message = "Issued tokens for grant {GrantId}")]
    private static partial void LogIssued(ILogger logger, string grantId);

    [LoggerMessage(EventId = 1311, Level = LogLevel.Information, Message = "Refused a token request for grant {GrantId}: {Error} ({Reason})")]
    private static partial void LogRefused(ILogger logger, string grantId, string error, string reason);
}
