namespace HaloMcp.Grains.OAuth;

/// <summary>A validated authorization request (OAuth 2.1 §4.1.1), waiting on the consent page for the person to sign in.</summary>
/// <param name="ClientId">The client that asked.</param>
/// <param name="ClientName">Its name as it gave it (unverified).</param>
/// <param name="RedirectUri">The redirect URI the answer goes to (checked against the client's).</param>
/// <param name="State">The client's opaque state, echoed back.</param>
/// <param name="CodeChallenge">The PKCE S256 challenge.</param>
/// <param name="Scope">The scopes asked for (space-separated, ours only).</param>
/// <param name="Resource">The RFC 8707 resource the tokens will be bound to (our MCP endpoint).</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.AuthorizationRequest")]
public sealed record AuthorizationRequest(
    string ClientId,
    string? ClientName,
    string RedirectUri,
    string? State,
    string CodeChallenge,
    string Scope,
    string Resource);
