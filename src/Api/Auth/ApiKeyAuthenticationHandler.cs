using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using HaloMcp.Api.Auth.OAuth;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tenancy;
using HaloMcp.Grains.OAuth;
using HaloMcp.Grains.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace HaloMcp.Api.Auth;

/// <summary>
/// The bearer scheme of the MCP endpoint: <c>Authorization: Bearer &lt;key&gt;</c> (or, in gateway mode, the gateway key
/// plus <c>X-Halo-*</c> headers), or an access token HaloMcp's authorization server issued (<see cref="AccessTokenValidator"/>),
/// becomes a principal for one tenant, and the request's <see cref="TenantContext"/> is resolved before any MCP code
/// runs. The principal's <c>scope</c> says whether it may write; an agent sign-in's also names the agent. A challenge answers 401 with <c>WWW-Authenticate: Bearer resource_metadata=</c>
/// pointing at the RFC 9728 document (served by the SDK's MCP scheme), 400 for unusable gateway headers, and 429 to
/// an address that has failed too often (<see cref="AuthFailureThrottle"/>).
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TenantAuthenticator authenticator,
    AccessTokenValidator accessTokens,
    AuthFailureThrottle throttle,
    IOptionsMonitor<McpHttpOptions> httpOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string ResourceMetadataPrefix = "/.well-known/oauth-protected-resource";

    private TenantAuthentication _outcome;
    private TimeSpan _retryAfter;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out _retryAfter))
        {
            _outcome = TenantAuthentication.Fail(TenantAuthenticationFailure.Throttled, "Too many failed attempts.");
            return AuthenticateResult.Fail(_outcome.Message!);
        }

        if (TenantAuthenticator.ReadBearer(Request) is { } bearer && bearer.StartsWith(OAuthTokens.AccessPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateAccessTokenAsync(bearer, address);
        }

        _outcome = authenticator.Authenticate(Request);
        if (_outcome.Tenant is not { } tenant)
        {
            if (_outcome.Failure == TenantAuthenticationFailure.UnknownKey)
            {
                throttle.RecordFailure(address);
            }

            LogRefused(Logger, _outcome.Message!);
            return _outcome.Failure == TenantAuthenticationFailure.MissingKey
                ? AuthenticateResult.NoResult()
                : AuthenticateResult.Fail(_outcome.Message!);
        }

        return Success(tenant, tenant.ReadOnly ? OAuthScopes.Read : OAuthScopes.All, grant: null);
    }

    private async Task<AuthenticateResult> AuthenticateAccessTokenAsync(string token, string address)
    {
        var (tenant, grant, problem) = await accessTokens.ValidateAsync(token, Request);
        if (tenant is null || grant is null)
        {
            throttle.RecordFailure(address);
            _outcome = TenantAuthentication.Fail(TenantAuthenticationFailure.InvalidToken, problem!);
            LogRefused(Logger, problem!);
            return AuthenticateResult.Fail(problem!);
        }

        // A tenant made read-only after the sign-in is read-only from the next request on.
        var scope = tenant.ReadOnly ? OAuthScopes.Read : grant.Scope;
        return Success(tenant, scope, grant);
    }

    private AuthenticateResult Success(TenantSettings tenant, string scope, AccessGrant? grant)
    {
        _outcome = TenantAuthentication.Success(tenant);
        Context.RequestServices.GetRequiredService<TenantContext>().Resolve(tenant);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, tenant.TenantId),
            new(ApiKeyAuthenticationDefaults.TenantClaim, tenant.TenantId),
            new(ApiKeyAuthenticationDefaults.ScopeClaim, scope),
        ];
        if (grant is not null)
        {
            claims.Add(new Claim(ApiKeyAuthenticationDefaults.GrantClaim, grant.GrantId));
            if (grant.Subject.AgentId is { } agentId)
            {
                claims.Add(new Claim(ApiKeyAuthenticationDefaults.AgentClaim, agentId.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var identity = new ClaimsIdentity(claims, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        switch (_outcome.Failure)
        {
            case TenantAuthenticationFailure.Throttled:
                var seconds = Math.Max(1, (int)Math.Ceiling(_retryAfter.TotalSeconds));
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await JsonRpcErrorResponse.WriteAsync(Context, StatusCodes.Status429TooManyRequests, (McpErrorCode)(-32000),
                    $"Too many failed authentication attempts from this address; retry after {seconds} s.");
                break;
            case TenantAuthenticationFailure.InvalidGatewayHeaders:
                await JsonRpcErrorResponse.WriteAsync(Context, StatusCodes.Status400BadRequest, (McpErrorCode)(-32000), _outcome.Message!);
                break;
            case TenantAuthenticationFailure.InvalidToken:
                // RFC 6750 §3: the client learns why, and where to get a new token.
                Response.Headers.WWWAuthenticate =
                    $"Bearer error=\"invalid_token\", error_description=\"{_outcome.Message!.Replace("\"", "'", StringComparison.Ordinal)}\", resource_metadata=\"{BaseUrl()}{ResourceMetadataPrefix}{Request.Path}\"";
                await JsonRpcErrorResponse.WriteAsync(Context, StatusCodes.Status401Unauthorized, (McpErrorCode)(-32000), "Unauthorized: " + _outcome.Message);
                break;
            default:
                Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{BaseUrl()}{ResourceMetadataPrefix}{Request.Path}\"";
                await JsonRpcErrorResponse.WriteAsync(Context, StatusCodes.Status401Unauthorized, (McpErrorCode)(-32000),
                    "Unauthorized: send 'Authorization: Bearer <API key>', or sign in with OAuth (see the WWW-Authenticate header).");
                break;
        }
    }

    private string BaseUrl() =>
        httpOptions.CurrentValue.PublicBaseUrl is { } configured
            ? configured.GetLeftPart(UriPartial.Authority)
            : $"{Request.Scheme}://{Request.Host}";

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused an unauthenticated request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
