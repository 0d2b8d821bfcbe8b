namespace HaloMcp.HaloSim.Auth;

/// <summary>An API application as the authorisation server checks it.</summary>
internal sealed record SimApplication(
    string Name,
    string ClientId,
    string? ClientSecret,
    SimAuthenticationMethod Method,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> AllowedScopes)
{
    public bool IsPublic => string.IsNullOrEmpty(ClientSecret);

    /// <summary>The first requested scope the application may not have, or null. OpenID's sign-in scopes are always allowed.</summary>
    public string? RefusedScope(IEnumerable<string> scopes) => AllowedScopes.Count == 0
        ? null
        : scopes.FirstOrDefault(s => s is not ("offline_access" or "openid") && !AllowedScopes.Contains(s, StringComparer.OrdinalIgnoreCase));
}
