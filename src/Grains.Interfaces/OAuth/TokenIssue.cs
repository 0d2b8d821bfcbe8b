namespace HaloMcp.Grains.OAuth;

/// <summary>The hashes and lifetimes of a new access token and refresh token (the Api made them; only hashes cross).</summary>
/// <param name="AccessHash">SHA-256 of the access token.</param>
/// <param name="AccessExpiresAt">When the access token expires.</param>
/// <param name="RefreshHash">SHA-256 of the refresh token.</param>
/// <param name="RefreshExpiresAt">When the refresh token expires.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.TokenIssue")]
public sealed record TokenIssue(byte[] AccessHash, DateTimeOffset AccessExpiresAt, byte[] RefreshHash, DateTimeOffset RefreshExpiresAt);
