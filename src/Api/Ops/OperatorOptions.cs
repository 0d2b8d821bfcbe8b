namespace HaloMcp.Api.Ops;

/// <summary>One person who may log in to the operations pages.</summary>
public sealed class OperatorOptions
{
    /// <summary>The name typed at the login page.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The password's hash as <c>hash-password</c> prints it: ASP.NET Core Identity's <c>PasswordHasher</c> format
    /// (version 3: PBKDF2 with HMAC-SHA512, 100,000 iterations, a 128-bit random salt, base64). Never the password.
    /// </summary>
    public string PasswordHash { get; set; } = "";
}
