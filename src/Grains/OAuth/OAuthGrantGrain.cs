using System.Security.Cryptography;
using System.Text;
using Orleans.Runtime;

namespace HaloMcp.Grains.OAuth;

/// <summary>
/// One grant, from its code to its last refresh. Hashes are compared in constant time. An ended grant keeps nothing
/// usable (its hashes are dropped at once) and its state leaves storage when the activation goes; so does the state
/// of a grant whose code was never redeemed or whose refresh token has expired.
/// </summary>
public sealed class OAuthGrantGrain(
    [PersistentState("grant", OAuthStorage.Name)] IPersistentState<OAuthGrantGrain.State> state,
    TimeProvider time) : Grain, IOAuthGrantGrain
{
    // Reuse detection needs the retired refresh tokens; a client refreshing every few minutes for a month would make a
    // long list, and a token that old being replayed is no likelier a theft than any unknown one.
    private const int RetiredRefreshTokensKept = 100;

    private string GrantId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<bool> StartAsync(GrantStart start, CancellationToken cancellationToken)
    {
        if (state.State.Start is not null || state.State.Ended)
        {
            return false;
        }

        state.State.Start = start;
        await state.WriteStateAsync(CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public async Task<GrantOutcome> RedeemCodeAsync(CodeRedemption redemption, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Start is not { } start || s.Ended || !Same(redemption.CodeHash, start.CodeHash))
        {
            return GrantOutcome.Refused("invalid_grant", "The authorization code is invalid.");
        }

        if (s.Redeemed)
        {
            // Someone holds a copy of a code that was already exchanged: whatever it gave is no longer safe.
            await EndAsync();
            return GrantOutcome.Refused("invalid_grant", "The authorization code was already used; the tokens it gave have been revoked.");
        }

        if (s.CodeSpent)
        {
            return GrantOutcome.Refused("invalid_grant", "The authorization code was spent by a failed attempt; authorize again.");
        }

        var refusal = time.GetUtcNow() >= start.CodeExpiresAt ? "The authorization code has expired; authorize again."
            : redemption.ClientId != start.ClientId ? "The authorization code was issued to another client."
            : redemption.RedirectUri != start.RedirectUri ? "redirect_uri does not match the authorization request."
            : !Same(Encoding.ASCII.GetBytes(redemption.VerifierChallenge), Encoding.ASCII.GetBytes(start.CodeChallenge)) ? "code_verifier does not match the code_challenge."
            : null;
        if (refusal is null && redemption.Resource is { } resource && resource != start.Resource)
        {
            // One guess only, as for the other mistakes: the code is spent either way.
            s.CodeSpent = true;
            await state.WriteStateAsync(CancellationToken.None);
            return GrantOutcome.Refused("invalid_target", "The resource is not the one the authorization was for.");
        }

        if (refusal is not null)
        {
            // A code is worth one try: a wrong verifier (or client, or redirect URI) must not be guessed again.
            s.CodeSpent = true;
            await state.WriteStateAsync(CancellationToken.None);
            return GrantOutcome.Refused("invalid_grant", refusal);
        }

        s.Redeemed = true;
        Issue(redemption.Tokens, start.Scope);
        await state.WriteStateAsync(CancellationToken.None);
        return GrantOutcome.Issued(start.Scope);
    }

    /// <inheritdoc />
    public async Task<GrantOutcome> RefreshAsync(TokenRefresh refresh, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Start is not { } start || s.Ended || !s.Redeemed)
        {
            return GrantOutcome.Refused("invalid_grant", "The refresh token is invalid or has been revoked.");
        }

        if (s.RefreshHash is not { } current || !Same(refresh.RefreshHash, current))
        {
            if (s.RetiredRefreshHashes.Any(h => Same(h, refresh.RefreshHash)))
            {
                // A rotated-out token came back: either the client or a thief holds a stale copy. End the grant.
                await EndAsync();
                return GrantOutcome.Refused("invalid_grant", "The refresh token was already used; the grant has been revoked. Sign in again.");
            }

            return GrantOutcome.Refused("invalid_grant", "The refresh token is invalid or has been revoked.");
        }

        if (refresh.ClientId != start.ClientId)
        {
            return GrantOutcome.Refused("invalid_grant", "The refresh token was issued to another client.");
        }

        if (time.GetUtcNow() >= s.RefreshExpiresAt)
        {
            return GrantOutcome.Refused("invalid_grant", "The refresh token has expired; sign in again.");
        }

        if (refresh.Resource is { } resource && resource != start.Resource)
        {
            return GrantOutcome.Refused("invalid_target", "The resource is not the one the grant is for.");
        }

        var scope = start.Scope;
        if (refresh.Scope is { } asked)
        {
            var granted = start.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var wanted = asked.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (wanted.Length == 0 || wanted.Any(w => !granted.Contains(w, StringComparer.Ordinal)))
            {
                return GrantOutcome.Refused("invalid_scope", "A refresh may only narrow the scope that was granted.");
            }

            scope = string.Join(' ', wanted.Distinct(StringComparer.Ordinal));
        }

        s.RetiredRefreshHashes.Add(current);
        if (s.RetiredRefreshHashes.Count > RetiredRefreshTokensKept)
        {
            s.RetiredRefreshHashes.RemoveAt(0);
        }

        Issue(refresh.Tokens, scope);
        await state.WriteStateAsync(CancellationToken.None);
        return GrantOutcome.Issued(scope);
    }

    /// <inheritdoc />
    public Task<AccessGrant?> ValidateAccessAsync(byte[] accessHash, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Start is not { } start || s.Ended)
        {
            return Task.FromResult<AccessGrant?>(null);
        }

        var now = time.GetUtcNow();
        foreach (var access in s.AccessTokens)
        {
            if (Same(access.Hash, accessHash) && now < access.ExpiresAt)
            {
                return Task.FromResult<AccessGrant?>(new AccessGrant(GrantId, start.Subject, start.ClientId, access.Scope, start.Resource, access.ExpiresAt));
            }
        }

        return Task.FromResult<AccessGrant?>(null);
    }

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(byte[] tokenHash, string clientId, CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.Start is not { } start || s.Ended || start.ClientId != clientId)
        {
            return false;
        }

        var known = (s.RefreshHash is { } refresh && Same(refresh, tokenHash)) || s.AccessTokens.Any(a => Same(a.Hash, tokenHash));
        if (!known)
        {
            return false;
        }

        await EndAsync();
        return true;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            // The storage may be going too (in-memory storage is grains of its own): tidy up another time.
            return;
        }

        var s = state.State;
        var now = time.GetUtcNow();
        var finished = s.Ended
            || (s.Start is { } start && !s.Redeemed && now >= start.CodeExpiresAt)
            || (s.Redeemed && now >= s.RefreshExpiresAt && s.AccessTokens.All(a => now >= a.ExpiresAt));
        if (s.Start is { } begun && finished)
        {
            if (begun.Subject.IsAgent && !s.Ended)
            {
                // A sign-in nobody redeemed or refreshed in time: its HaloPSA tokens go too.
                await GrainFactory.GetGrain<IAgentSessionGrain>(GrantId).EndAsync(cancellationToken);
            }

            await state.ClearStateAsync(cancellationToken);
        }
    }

    private void Issue(TokenIssue tokens, string scope)
    {
        var s = state.State;
        var now = time.GetUtcNow();
        s.AccessTokens.RemoveAll(a => now >= a.ExpiresAt);
        s.AccessTokens.Add(new IssuedAccess(tokens.AccessHash, tokens.AccessExpiresAt, scope));
        s.RefreshHash = tokens.RefreshHash;
        s.RefreshExpiresAt = tokens.RefreshExpiresAt;
    }

    private async Task EndAsync()
    {
        var s = state.State;
        s.Ended = true;
        s.RefreshHash = null;
        s.AccessTokens.Clear();
        s.RetiredRefreshHashes.Clear();
        await state.WriteStateAsync(CancellationToken.None);
        if (s.Start?.Subject.IsAgent == true)
        {
            // The agent's HaloPSA tokens go with the grant they were signed in for.
            await GrainFactory.GetGrain<IAgentSessionGrain>(GrantId).EndAsync(CancellationToken.None);
        }
    }

    private static bool Same(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary>An access token of the grant.</summary>
    /// <param name="Hash">SHA-256 of the token.</param>
    /// <param name="ExpiresAt">When it expires.</param>
    /// <param name="Scope">Its scopes.</param>
    [GenerateSerializer, Immutable, Alias("halo.OAuth.OAuthGrantGrain.IssuedAccess")]
    public sealed record IssuedAccess(byte[] Hash, DateTimeOffset ExpiresAt, string Scope);

    /// <summary>The stored grant.</summary>
    [GenerateSerializer, Alias("halo.OAuth.OAuthGrantGrain.State")]
    public sealed class State
    {
        /// <summary>How it started.</summary>
        [Id(0)]
        public GrantStart? Start { get; set; }

        /// <summary>Whether the code was spent by a failed redemption.</summary>
        [Id(1)]
        public bool CodeSpent { get; set; }

        /// <summary>Whether the code was redeemed.</summary>
        [Id(2)]
        public bool Redeemed { get; set; }

        /// <summary>Whether the grant has ended (revoked, or a code or refresh token replayed).</summary>
        [Id(3)]
        public bool Ended { get; set; }

        /// <summary>The current refresh token's hash.</summary>
        [Id(4)]
        public byte[]? RefreshHash { get; set; }

        /// <summary>When the current refresh token expires.</summary>
        [Id(5)]
        public DateTimeOffset RefreshExpiresAt { get; set; }

        /// <summary>Hashes of rotated-out refresh tokens, newest last.</summary>
        [Id(6)]
        public List<byte[]> RetiredRefreshHashes { get; set; } = [];

        /// <summary>The live access tokens.</summary>
        [Id(7)]
        public List<IssuedAccess> AccessTokens { get; set; } = [];
    }
}
