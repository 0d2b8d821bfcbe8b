using System.Security.Cryptography;
using System.Text;

namespace HaloMcp.Api.Auth.OAuth;

/// <summary>
/// The shape of HaloMcp's codes and tokens: a prefix that says what it is (so leaks are easy to spot and nothing is
/// mistaken for an API key), the grant id, a dot, and 256 random bits. Only their SHA-256 is ever stored.
/// </summary>
internal static class OAuthTokens
{
    public const string AccessPrefix = "hma_";
    public const string RefreshPrefix = "hmr_";
    public const string CodePrefix = "hmc_";

    /// <summary>A new grant id (128 random bits, base64url).</summary>
    public static string NewGrantId() => Random(16);

    /// <summary>A new random value of <paramref name="bytes"/> bytes, base64url.</summary>
    public static string Random(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A new code or token of grant <paramref name="grantId"/>.</summary>
    public static string New(string prefix, string grantId) => prefix + grantId + "." + Random(32);

    /// <summary>The grant a code or token names, when it has the shape <paramref name="prefix"/> promises.</summary>
    public static bool TryReadGrant(string? token, string prefix, out string grantId)
    {
        grantId = string.Empty;
        if (token is null || !token.StartsWith(prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }

        var dot = token.IndexOf('.', prefix.Length);
        if (dot <= prefix.Length || dot == token.Length - 1)
        {
            return false;
        }

        grantId = token[prefix.Length..dot];
        return grantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    /// <summary>SHA-256 of a code or token: the only form kept.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>PKCE S256: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string S256(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>Whether <paramref name="value"/> is RFC 7636 text of 43 to 128 unreserved characters.</summary>
    public static bool IsPkceText(string? value) =>
        value is { Length: >= 43 and <= 128 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~');

    public static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
