using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using HaloMcp.Api.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Ops;

/// <summary>
/// HTTP Basic authentication whose password is a scrape key (any user name; Prometheus' <c>basic_auth</c> with a
/// <c>password_file</c>), checked against <see cref="OpsOptions.ScrapeKeyHashes"/>: the key's SHA-256 is compared with
/// every configured hash in constant time. Basic, not Bearer: a bearer token is what the tenants' scheme (the default
/// one, which runs on every request) reads as an API key, and it would count every scrape as a failed tenant login. A wrong key counts as a failed attempt of the caller's
/// address (<see cref="AuthFailureThrottle"/>, shared with the tenants' keys and the login page).
/// </summary>
internal sealed class ScrapeKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<OpsOptions> ops,
    AuthFailureThrottle throttle)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ScrapeKey(Request.Headers.Authorization.ToString()) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsThrottled(address, out _))
        {
            return Task.FromResult(AuthenticateResult.Fail("Too many failed attempts from this address."));
        }

        var presented = ApiKeyHash.DigestOf(key);
        var matched = false;
        foreach (var hash in ops.CurrentValue.ScrapeKeyHashes)
        {
            // Every configured hash is compared, matched or not, so the time taken says nothing about which one.
            matched |= ApiKeyHash.IsWellFormed(hash) && CryptographicOperations.FixedTimeEquals(presented, ApiKeyHash.ToDigest(hash));
        }

        if (!matched)
        {
            throttle.RecordFailure(address);
            return Task.FromResult(AuthenticateResult.Fail("Unknown scrape key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "prometheus"), new Claim(OpsAuthentication.RoleClaim, OpsAuthentication.ScraperRole)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"HaloMcp metrics\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    // "Basic base64(user:key)": the key is what follows the first colon.
    private static string? ScrapeKey(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[scheme.Length..].Trim(), buffer, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 || colon == text.Length - 1 ? null : text[(colon + 1)..];
    }
}
