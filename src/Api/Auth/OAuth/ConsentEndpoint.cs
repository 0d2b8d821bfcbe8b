using System.Globalization;
using System.Security.Cryptography;
using HaloMcp.Api.Tenancy;
using HaloMcp.Grains.OAuth;
using HaloMcp.Grains.Upstream;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// <c>POST /oauth/authorize</c>: the consent form. It must come from the browser that opened the page (its consent
/// cookie), from this origin, with the page's form token; then the person signs in with the tenant's API key (a code
/// goes back to the client at once) or goes to their own HaloPSA to sign in (<see cref="HaloSignInCallbackEndpoint"/>
/// finishes). Failed sign-ins count against the address (<see cref="AuthFailureThrottle"/>, refused before any key is
/// looked at) and the consent, which locks after <see cref="OAuthOptions.ConsentAttemptLimit"/>.
/// </summary>
internal sealed partial class ConsentEndpoint(
    IGrainFactory grains,
    TenantCatalog catalog,
    AuthFailureThrottle throttle,
    OAuthUrls urls,
    GrantIssuer issuer,
    IOptionsMonitor<OAuthOptions> options,
    ILogger<ConsentEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if ((origin.Length > 0 && !string.Equals(origin, urls.Issuer(context.Request), StringComparison.OrdinalIgnoreCase))
            || context.Request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            LogForged(logger, "foreign origin");
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "access_denied", "This form was not sent from HaloMcp's own sign-in page.");
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out var wait))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "temporarily_unavailable",
                $"Too many failed sign-ins from this address; try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var consentId = form?["consent"].ToString() ?? string.Empty;
        var consent = consentId.Length is > 0 and <= 64 ? grains.GetGrain<IConsentGrain>(consentId) : null;
        var record = consent is null ? null : await consent.GetAsync(context.RequestAborted);
        if (form is null || consent is null || record is null)
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request",
                "This sign-in page has expired or was already used. Start again from your MCP client.");
            return;
        }

        var formToken = form["form_token"].ToString();
        if (!ConsentCookies.Matches(context.Request, consentId, record.BrowserBindingHash, out var binding)
            || !CryptographicOperations.FixedTimeEquals(OAuthTokens.Hash(formToken), record.FormTokenHash))
        {
            LogForged(logger, "no matching consent cookie or form token");
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "access_denied",
                "This form does not belong to a sign-in page opened in this browser. Start again from your MCP client.");
            return;
        }

        var readOnly = form["read_only"].ToString() == "true";
        switch (form["action"].ToString())
        {
            case "deny":
                if (await consent.CompleteAsync(ConsentStage.Pending, context.RequestAborted) is { } denied)
                {
                    ConsentCookies.Clear(context, consentId);
                    AuthorizeEndpoint.Redirect(context, issuer.Refusal(context.Request, denied.Request, "access_denied", "The person declined."));
                    return;
                }

                break;
            case "api_key":
                await SignInWithKeyAsync(context, consent, consentId, formToken, record, form["api_key"].ToString().Trim(), readOnly, address);
                return;
            case "halopsa":
                await SignInWithHaloAsync(context, consent, consentId, formToken, binding, record, form["tenant"].ToString().Trim(), readOnly, address);
                return;
        }

        await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "This sign-in page was already answered. Start again from your MCP client.");
    }

    private async Task SignInWithKeyAsync(HttpContext context, IConsentGrain consent, string consentId, string formToken, ConsentRecord record, string key, bool readOnly, string address)
    {
        var tenant = key.Length >= ApiKeyHash.MinimumKeyLength ? catalog.FindByApiKey(key) : null;
        if (tenant is null)
        {
            await FailAsync(context, consent, consentId, formToken, record, address, "That API key is not valid.");
            return;
        }

        if (await consent.CompleteAsync(ConsentStage.Pending, context.RequestAborted) is null)
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "This sign-in page was already answered. Start again from your MCP client.");
            return;
        }

        ConsentCookies.Clear(context, consentId);
        var subject = new GrantSubject(tenant.TenantId, ApiKeyHash.DigestOf(key));
        LogSignedIn(logger, tenant.TenantId, "API key");
        AuthorizeEndpoint.Redirect(context, await issuer.IssueCodeAsync(context.Request, OAuthTokens.NewGrantId(), record.Request, subject, readOnly || tenant.ReadOnly));
    }

    private async Task SignInWithHaloAsync(
        HttpContext context, IConsentGrain consent, string consentId, string formToken, string binding, ConsentRecord record, string tenantId, bool readOnly, string address)
    {
        var tenant = tenantId.Length is > 0 and <= 64 ? catalog.Find(tenantId) : null;
        if (tenant?.AgentSignIn is not { } app)
        {
            // Unknown and not enabled read the same: the page does not list who HaloMcp serves.
            await FailAsync(context, consent, consentId, formToken, record, address, "HaloPSA sign-in is not available for that organisation.");
            return;
        }

        if (!await consent.AwaitHaloSignInAsync(tenant.TenantId, readOnly, context.RequestAborted))
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "This sign-in page was already answered. Start again from your MCP client.");
            return;
        }

        var connection = TenantHaloClients.ConnectionOf(tenant);
        var challenge = OAuthTokens.S256(ConsentCookies.HaloVerifier(binding, consentId));
        var authorize = connection.AuthorizeUri.ToString();
        var location = RedirectUriRules.WithParameters(authorize,
            ("response_type", "code"), ("client_id", app.ClientId), ("redirect_uri", urls.HaloCallback(context.Request).ToString()),
            ("code_challenge", challenge), ("code_challenge_method", "S256"), ("scope", app.Scope), ("state", consentId));
        LogHaloSignInStarted(logger, tenant.TenantId);
        AuthorizeEndpoint.Redirect(context, location);
    }

    private async Task FailAsync(HttpContext context, IConsentGrain consent, string consentId, string formToken, ConsentRecord record, string address, string message)
    {
        throttle.RecordFailure(address);
        var locked = await consent.FailAsync(options.CurrentValue.ConsentAttemptLimit, context.RequestAborted);
        LogFailed(logger, locked);
        if (locked)
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "access_denied",
                "Too many failed sign-ins on this page; it no longer works. Start again from your MCP client.");
            return;
        }

        await ConsentPage.WriteAsync(context, AuthorizeEndpoint.ViewOf(consentId, formToken, record.Request, catalog, message), StatusCodes.Status401Unauthorized);
    }

    [LoggerMessage(EventId = 1320, Level = LogLevel.Warning, Message = "Refused a consent form: {Reason}")]
    private static partial void LogForged(ILogger logger, string reason);

    [LoggerMessage(EventId = 1321, Level = LogLevel.Information, Message = "A failed sign-in on the consent page (page locked: {Locked})")]
    private static partial void LogFailed(ILogger logger, bool locked);

    [LoggerMessage(EventId = 1322, Level = LogLevel.Information, Message = "Signed in to tenant {TenantId} on the consent page with its {Method}")]
    private static partial void LogSignedIn(ILogger logger, string tenantId, string method);

    [LoggerMessage(EventId = 1323, Level = LogLevel.Information, Message = "Sent a person to the HaloPSA sign-in of tenant {TenantId}")]
    private static partial void LogHaloSignInStarted(ILogger logger, string tenantId);
}
