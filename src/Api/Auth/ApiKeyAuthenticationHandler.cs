using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol;

namespace HaloMcp.Api.Auth;

/// <summary>
/// The API-key scheme: <c>Authorization: Bearer &lt;key&gt;</c> (or, in gateway mode, the gateway key plus
/// <c>X-Halo-*</c> headers) becomes a principal for one tenant, and the request's <see cref="TenantContext"/> is
/// resolved before any MCP code runs. A challenge answers 401 with <c>WWW-Authenticate: Bearer resource_metadata=</c>
/// pointing at the RFC 9728 document (served by the SDK's MCP scheme), 400 for unusable gateway headers, and 429 to
/// an address that has failed too often (<see cref="AuthFailureThrottle"/>).
/// </summary>
internal sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TenantAuthenticator authenticator,
    AuthFailureThrottle throttle,
    IOptionsMonitor<McpHttpOptions> httpOptions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string ResourceMetadataPrefix = "/.well-known/oauth-protected-resource";

    private TenantAuthentication _outcome;
    private TimeSpan _retryAfter;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out _retryAfter))
        {
            _outcome = TenantAuthentication.Fail(TenantAuthenticationFailure.Throttled, "Too many failed attempts.");
            return Task.FromResult(AuthenticateResult.Fail(_outcome.Message!));
        }

        _outcome = authenticator.Authenticate(Request);
        if (_outcome.Tenant is not { } tenant)
        {
            if (_outcome.Failure == TenantAuthenticationFailure.UnknownKey)
            {
                throttle.RecordFailure(address);
            }

            LogRefused(Logger, _outcome.Message!);
            return Task.FromResult(_outcome.Failure == TenantAuthenticationFailure.MissingKey
                ? AuthenticateResult.NoResult()
                : AuthenticateResult.Fail(_outcome.Message!));
        }

        Context.RequestServices.GetRequiredService<TenantContext>().Resolve(tenant);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, tenant.TenantId), new Claim(ApiKeyAuthenticationDefaults.TenantClaim, tenant.TenantId)],
            Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
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
            default:
                Response.Headers.WWWAuthenticate = $"Bearer resource_metadata=\"{BaseUrl()}{ResourceMetadataPrefix}{Request.Path}\"";
                await JsonRpcErrorResponse.WriteAsync(Context, StatusCodes.Status401Unauthorized, (McpErrorCode)(-32000),
                    "Unauthorized: send 'Authorization: Bearer <API key>'.");
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
