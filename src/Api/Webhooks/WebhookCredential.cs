namespace HaloMcp.Api.Webhooks;

/// <summary>A tenant's webhook credential as the server keeps it: the username, and only the digest of the password.</summary>
/// <param name="Username">The Basic username HaloPSA sends.</param>
/// <param name="PasswordDigest">SHA-256 of the password's UTF-8 bytes.</param>
internal sealed record WebhookCredential(string Username, byte[] PasswordDigest)
{
    /// <summary>Never the digest.</summary>
    public override string ToString() => $"WebhookCredential {{ Username = {Username}, PasswordDigest = *** }}";
}
