namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The HaloPSA API application a tenant's agents sign in through (HaloPSA's authorization-code + PKCE flow): its
/// authentication method is "authorization code", and its redirect URI is HaloMcp's <c>/oauth/halopsa/callback</c>.
/// </summary>
/// <param name="ClientId">The application's client id.</param>
/// <param name="ClientSecret">Its secret when it is confidential; null for a public (PKCE-only) application.</param>
/// <param name="Scope">The HaloPSA scopes asked for at sign-in.</param>
public sealed record AgentSignInApplication(string ClientId, string? ClientSecret = null, string Scope = "all offline_access")
{
    /// <summary>Redacts the secret.</summary>
    public override string ToString() => $"AgentSignInApplication {{ ClientId = {ClientId}, ClientSecret = {(ClientSecret is null ? "(none)" : "***")}, Scope = {Scope} }}";
}
