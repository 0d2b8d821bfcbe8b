using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace HaloMcp.Api.Auth;

/// <summary>
/// How API keys are stored: never the key, only <c>sha256:&lt;64 lowercase hex&gt;</c> of its UTF-8 bytes. Keys are
/// generated with 256 bits of entropy, so a plain (unsalted) hash is not open to guessing.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>The prefix that names the hash algorithm.</summary>
    public const string Prefix = "sha256:";

    /// <summary>
    /// The shortest key accepted anywhere (chosen with <c>--demo-api-key</c> or <c>hash-key KEY</c>, or presented):
    /// 32 characters. Generated keys are 47.
    /// </summary>
    public const int MinimumKeyLength = 32;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Hashes <paramref name="apiKey"/> into its stored form.</summary>
    public static string Compute(string apiKey) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>Generates a new random API key (prefix <c>hmk_</c> plus 32 random bytes, base64url).</summary>
    public static string GenerateKey() =>
        "hmk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Why <paramref name="apiKey"/> cannot be used as a key, or null when it can.</summary>
    public static string? Weakness(string apiKey) =>
        apiKey.Length < MinimumKeyLength
            ? $"An API key must be at least {MinimumKeyLength} characters long (this one has {apiKey.Length}); leave it out to have one generated."
            : null;

    /// <summary>Whether <paramref name="hash"/> is in the stored form (prefix plus 64 hex digits).</summary>
    public static bool IsWellFormed(string? hash) =>
        hash is not null
        && hash.StartsWith(Prefix, StringComparison.Ordinal)
        && hash.Length == Prefix.Length + 64
        && !hash.AsSpan(Prefix.Length).ContainsAnyExcept(HexDigits);

    /// <summary>The 32 digest bytes of a well-formed stored hash.</summary>
    internal static byte[] ToDigest(string hash) => Convert.FromHexString(hash.AsSpan(Prefix.Length));

    /// <summary>The 32 digest bytes of a presented key.</summary>
    internal static byte[] DigestOf(string apiKey) => SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
}
