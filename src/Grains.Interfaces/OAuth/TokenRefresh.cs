namespace HaloMcp.Grains.OAuth;

/// <summary>A token request with the refresh-token grant.</summary>
/// <param name="RefreshHash">SHA-256 of the presented refresh token.</param>
/// <param name="ClientId">The (authenticated) client presenting it.</param>
/// <param name="Scope">A narrower scope asked for, or null for the grant's.</param>
/// <param name="Resource">The resource asked for, if any.</param>
/// <param name="Tokens">The tokens to issue when it succeeds (the refresh token rotates).</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.TokenRefresh")]
public sealed record TokenRefresh(byte[] RefreshHash, string ClientId, string? Scope, string? Resource, TokenIssue Tokens);
