namespace HaloMcp.Grains.OAuth;

/// <summary>A token request with the authorization-code grant.</summary>
/// <param name="CodeHash">SHA-256 of the presented code.</param>
/// <param name="ClientId">The (authenticated) client presenting it.</param>
/// <param name="RedirectUri">The redirect URI the client repeats.</param>
/// <param name="VerifierChallenge">S256 of the presented code verifier (the verifier itself stays in the Api).</param>
/// <param name="Resource">The resource asked for, if any.</param>
/// <param name="Tokens">The tokens to issue when it succeeds.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.CodeRedemption")]
public sealed record CodeRedemption(byte[] CodeHash, string ClientId, string RedirectUri, string VerifierChallenge, string? Resource, TokenIssue Tokens);
