using HaloMcp.Grains;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// <c>GET /oauth/halopsa/callback</c>: HaloPSA sends the person back with its code (<c>state</c> is the consent). Only
/// the browser that opened the consent page can finish it (its consent cookie, from which the PKCE verifier of the
/// HaloPSA leg is derived). The tenant grain redeems the code and learns which agent signed in; the MCP client then
/// gets a code for a grant that acts as that agent.
/// </summary>
internal sealed partial class HaloSignInCallbackEndpoint(IGrainFactory grains, OAuthUrls urls, GrantIssuer issuer, ILogger<HaloSignInCallbackEndpoint> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var consentId = q["state"].ToString();
        var consent = consentId.Length is > 0 and <= 64 ? grains.GetGrain<IConsentGrain>(consentId) : null;
        var record = consent is null ? null : await consent.GetAsync(context.RequestAborted);
        if (consent is null || record is not { Stage: ConsentStage.AwaitingHaloSignIn, TenantId: { } tenantId })
        {
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request",
                "This HaloPSA sign-in does not belong to a sign-in page that is waiting for it. Start again from your MCP client.");
            return;
        }

        if (!ConsentCookies.Matches(context.Request, consentId, record.BrowserBindingHash, out var binding))
        {
            LogForeignCallback(logger);
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status403Forbidden, "access_denied",
                "This HaloPSA sign-in was started in another browser. Start again from your MCP client.");
            return;
        }

        var code = q["code"].ToString();
        if (q.ContainsKey("error") || code.Length == 0)
        {
            if (await consent.CompleteAsync(ConsentStage.AwaitingHaloSignIn, context.RequestAborted) is { } refused)
            {
                ConsentCookies.Clear(context, consentId);
                AuthorizeEndpoint.Redirect(context, issuer.Refusal(context.Request, refused.Request, "access_denied", "The HaloPSA sign-in did not complete."));
                return;
            }

            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "This sign-in page was already answered.");
            return;
        }

        var grantId = OAuthTokens.NewGrantId();
        Grains.Reference.SignedInAgent agent;
        try
        {
            agent = await grains.GetGrain<ITenantGrain>(tenantId).SignInAgentAsync(
                grantId, code, ConsentCookies.HaloVerifier(binding, consentId), urls.HaloCallback(context.Request), context.RequestAborted);
        }
        catch (HaloOperationException ex)
        {
            LogSignInFailed(logger, tenantId, ex.Kind.ToString());
            await consent.CompleteAsync(ConsentStage.AwaitingHaloSignIn, context.RequestAborted);
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status502BadGateway, "access_denied",
                "HaloPSA did not accept the sign-in (" + ex.Message + ") Start again from your MCP client.");
            return;
        }

        if (await consent.CompleteAsync(ConsentStage.AwaitingHaloSignIn, context.RequestAborted) is not { } completed)
        {
            await grains.GetGrain<IAgentSessionGrain>(grantId).EndAsync(context.RequestAborted);
            await ConsentPage.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "This sign-in page was already answered.");
            return;
        }

        ConsentCookies.Clear(context, consentId);
        LogSignedIn(logger, tenantId, agent.AgentId);
        var subject = new GrantSubject(tenantId, null, agent.AgentId, agent.Name);
        AuthorizeEndpoint.Redirect(context, await issuer.IssueCodeAsync(context.Request, grantId, completed.Request, subject, completed.ReadOnly));
    }

    [LoggerMessage(EventId = 1330, Level = LogLevel.Warning, Message = "Refused a HaloPSA sign-in callback without the consent's cookie")]
    private static partial void LogForeignCallback(ILogger logger);

    [LoggerMessage(EventId = 1331, Level = LogLevel.Warning, Message = "The HaloPSA sign-in of tenant {TenantId} failed ({Kind})")]
    private static partial void LogSignInFailed(ILogger logger, string tenantId, string kind);

    [LoggerMessage(EventId = 1332, Level = LogLevel.Information, Message = "HaloPSA agent {AgentId} of tenant {TenantId} signed in on the consent page")]
    private static partial void LogSignedIn(ILogger logger, string tenantId, int agentId);
}
