namespace HaloMcp.Grains.OAuth;

/// <summary>
/// The Orleans grain storage provider that holds the authorization server's state (client registrations, consents,
/// grants with their code and token hashes, agent sign-ins). In-memory in embedded mode; a cluster maps this name to
/// durable storage so that any front end validates any token and sign-ins survive a silo.
/// </summary>
public static class OAuthStorage
{
    /// <summary>The provider's name.</summary>
    public const string Name = "halomcp-oauth";
}
