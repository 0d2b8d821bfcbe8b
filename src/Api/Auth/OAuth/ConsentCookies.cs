using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// Ties a consent to the browser that opened it: an HttpOnly, SameSite=Lax cookie with a random value whose hash the
/// consent keeps. A form posted from another site carries no such cookie (Lax), and a page opened in another browser
/// has none; HaloPSA's redirect back (a top-level navigation) does carry it. The HaloPSA sign-in's PKCE verifier is
/// derived from the same value, so it is never stored anywhere.
/// </summary>
internal static class ConsentCookies
{
    private const string Prefix = "halomcp_consent_";

    /// <summary>A new binding value, set as the consent's cookie; answers its hash for the consent record.</summary>
    public static byte[] Bind(HttpContext context, string consentId, TimeSpan lifetime)
    {
        var value = OAuthTokens.Random(32);
        context.Response.Cookies.Append(Prefix + consentId, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/oauth",
            MaxAge = lifetime,
            IsEssential = true,
        });
        return OAuthTokens.Hash(value);
    }

    /// <summary>Whether the request carries the cookie of <paramref name="consentId"/> that matches <paramref name="expectedHash"/>.</summary>
    public static bool Matches(HttpRequest request, string consentId, byte[] expectedHash, out string value)
    {
        value = request.Cookies[Prefix + consentId] ?? string.Empty;
        return value.Length > 0 && CryptographicOperations.FixedTimeEquals(OAuthTokens.Hash(value), expectedHash);
    }

    /// <summary>Removes the consent's cookie once the consent is answered.</summary>
    public static void Clear(HttpContext context, string consentId) =>
        context.Response.Cookies.Delete(Prefix + consentId, new CookieOptions { Path = "/oauth", Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, HttpOnly = true });

    /// <summary>The PKCE verifier of the HaloPSA sign-in started from this consent in this browser.</summary>
    public static string HaloVerifier(string bindingValue, string consentId) =>
        OAuthTokens.Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(bindingValue), Encoding.UTF8.GetBytes("halopsa-pkce\n" + consentId)));
}
