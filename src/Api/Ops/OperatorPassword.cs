using Microsoft.AspNetCore.Identity;

namespace HaloMcp.Api.Ops;

/// <summary>
/// Operators' passwords, hashed and checked by ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// salted, compared in constant time). A name nobody has still costs one full verification, so the time a login takes
/// does not tell which names exist.
/// </summary>
public static class OperatorPassword
{
    /// <summary>The shortest password <c>hash-password</c> accepts.</summary>
    public const int MinimumLength = 12;

    private static readonly PasswordHasher<OperatorOptions> Hasher = new();

    // Verified against when the name is unknown, so that both paths do the same work.
    private static readonly string UnknownOperatorHash = Hasher.HashPassword(new OperatorOptions(), Guid.NewGuid().ToString());

    /// <summary>Hashes <paramref name="password"/> into the form <see cref="OperatorOptions.PasswordHash"/> takes.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new OperatorOptions(), password);

    /// <summary>Whether <paramref name="hash"/> is a hash this format can verify.</summary>
    public static bool IsWellFormed(string? hash)
    {
        if (string.IsNullOrEmpty(hash))
        {
            return false;
        }

        var bytes = new byte[hash.Length];
        // Version 3 starts with 0x01; its header (marker, PRF, iterations, salt length) is 13 bytes before salt and subkey.
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }

    /// <summary>The operator named <paramref name="name"/> if <paramref name="password"/> is theirs, else null.</summary>
    public static OperatorOptions? Verify(IEnumerable<OperatorOptions> operators, string name, string password)
    {
        var match = operators.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
        var hash = match is not null && IsWellFormed(match.PasswordHash) ? match.PasswordHash : UnknownOperatorHash;
        var result = Hasher.VerifyHashedPassword(match ?? new OperatorOptions(), hash, password);
        return match is not null && result != PasswordVerificationResult.Failed ? match : null;
    }
}
