namespace HaloMcp.Grains.OAuth;

/// <summary>
/// One grant: a client's authorization, from its code to its last refresh (key: the grant id, which every code and
/// token of the grant names). It keeps only hashes of the code and tokens; every redemption and refresh is one grain
/// turn, so a code is redeemed and a refresh token rotated at most once. Persisted in <see cref="OAuthStorage.Name"/>. A cancellation token only stops the caller waiting: a change whose turn has begun is made whole.
/// </summary>
[Alias("halo.IOAuthGrantGrain")]
public interface IOAuthGrantGrain : IGrainWithStringKey
{
    /// <summary>Starts the grant with its authorization code; false when the id is taken.</summary>
    [Alias("Start")]
    Task<bool> StartAsync(GrantStart start, CancellationToken cancellationToken);

    /// <summary>
    /// Redeems the code (authorization-code grant). Any failed redemption spends the code; a code presented again after
    /// it was redeemed ends the grant and every token it gave (OAuth 2.1 §4.1.3).
    /// </summary>
    [Alias("RedeemCode")]
    Task<GrantOutcome> RedeemCodeAsync(CodeRedemption redemption, CancellationToken cancellationToken);

    /// <summary>
    /// Rotates the refresh token (refresh-token grant). A retired refresh token presented again ends the grant
    /// (reuse detection, OAuth 2.1 §4.3.1).
    /// </summary>
    [Alias("Refresh")]
    Task<GrantOutcome> RefreshAsync(TokenRefresh refresh, CancellationToken cancellationToken);

    /// <summary>What the access token with this hash stands for, or null when it is unknown, expired or revoked.</summary>
    [ReadOnly]
    [Alias("ValidateAccess")]
    Task<AccessGrant?> ValidateAccessAsync(byte[] accessHash, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the grant (RFC 7009) when <paramref name="tokenHash"/> is one of its live tokens and
    /// <paramref name="clientId"/> its client: every token of the grant stops working. Answers whether it did.
    /// </summary>
    [Alias("Revoke")]
    Task<bool> RevokeAsync(byte[] tokenHash, string clientId, CancellationToken cancellationToken);
}
