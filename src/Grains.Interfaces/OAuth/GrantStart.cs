namespace HaloMcp.Grains.OAuth;

/// <summary>A consented authorization: what its code may be redeemed for, and by whom.</summary>
/// <param name="ClientId">The client the code was issued to.</param>
/// <param name="RedirectUri">The redirect URI of the authorization request (the token request must repeat it).</param>
/// <param name="CodeChallenge">The PKCE S256 challenge.</param>
/// <param name="Scope">The scopes granted.</param>
/// <param name="Resource">The resource the tokens are bound to.</param>
/// <param name="Subject">Who the tokens act for.</param>
/// <param name="CodeHash">SHA-256 of the authorization code.</param>
/// <param name="CodeExpiresAt">When the code stops being redeemable.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.GrantStart")]
public sealed record GrantStart(
    string ClientId,
    string RedirectUri,
    string CodeChallenge,
    string Scope,
    string Resource,
    GrantSubject Subject,
    byte[] CodeHash,
    DateTimeOffset CodeExpiresAt);
