namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// A tenant's HaloPSA agent sign-in (its <c>AgentSignIn</c> section): the HaloPSA API application whose authentication
/// method is "authorization code" and whose redirect URI is HaloMcp's <c>{public base}/oauth/halopsa/callback</c>.
/// Set, the consent page offers "Sign in with HaloPSA" for this tenant and the session acts as the agent who signs in.
/// </summary>
public sealed class AgentSignInOptions
{
    /// <summary>The application's client id (required).</summary>
    public string? ClientId { get; set; }

    /// <summary>Its secret, for a confidential application; leave unset for a public (PKCE-only) one.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The HaloPSA scopes asked for; <c>all offline_access</c> when unset (offline_access brings refresh tokens).</summary>
    public string? Scope { get; set; }
}
