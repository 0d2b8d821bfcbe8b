namespace HaloMcp.Grains.OAuth;

/// <summary>
/// An MCP client registered with HaloMcp's authorization server through dynamic client registration (RFC 7591).
/// </summary>
/// <param name="ClientId">The id HaloMcp issued.</param>
/// <param name="ClientName">The name the client gave itself (shown on the consent page as unverified).</param>
/// <param name="RedirectUris">Where authorization answers may be sent; matched exactly (a loopback one on any port).</param>
/// <param name="TokenEndpointAuthMethod"><c>none</c> (public, PKCE only), <c>client_secret_post</c> or <c>client_secret_basic</c>.</param>
/// <param name="SecretHash">SHA-256 of the client secret of a confidential client; null for a public one.</param>
/// <param name="IssuedAt">When it was registered.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.OAuthClientRegistration")]
public sealed record OAuthClientRegistration(
    string ClientId,
    string? ClientName,
    IReadOnlyList<string> RedirectUris,
    string TokenEndpointAuthMethod,
    byte[]? SecretHash,
    DateTimeOffset IssuedAt);
