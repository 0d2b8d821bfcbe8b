namespace HaloMcp.HaloSim.Auth;

/// <summary>How an API application signs in (HaloPSA: the application's "Authentication Method").</summary>
public enum SimAuthenticationMethod
{
    /// <summary>Client ID and secret (services): <c>grant_type=client_credentials</c>; calls act as the application's agent.</summary>
    ClientCredentials,

    /// <summary>
    /// Authorization code with PKCE (web and native apps): an agent signs in at <c>/auth/authorize</c>; the tokens act as
    /// that agent and can be refreshed.
    /// </summary>
    AuthorizationCode,
}
