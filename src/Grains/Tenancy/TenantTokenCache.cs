using HaloMcp.Grains.HaloPsa;
using HaloMcp.Silo.Cluster;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// A tenant's HaloPSA access token: one token request however many callers need it at once, refreshed a margin
/// before expiry, dropped when HaloPSA rejects it, and shared with the other nodes through
/// <see cref="ISharedTokenStore"/>.
/// </summary>
public sealed class TenantTokenCache(string key, HaloTokenClient tokenClient, ISharedTokenStore store, HaloClientOptions options, TimeProvider time, Action? onRequest = null)
{
    private readonly Lock _gate = new();
    private HaloAccessToken? _current;
    private Task<HaloAccessToken>? _inFlight;

    /// <summary>The token held now, if any.</summary>
    public HaloAccessToken? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>How many token requests this cache has sent to HaloPSA.</summary>
    public int TokenRequests { get; private set; }

    /// <summary>
    /// A token that is valid for at least the refresh margin. When <paramref name="rejected"/> is the current token
    /// (HaloPSA answered 401 to it), it is dropped first; a caller holding an older rejected token gets the current one.
    /// </summary>
    public ValueTask<HaloAccessToken> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        Task<HaloAccessToken> fetch;
        lock (_gate)
        {
            if (_current is { } token && token.Value == rejected)
            {
                _current = null;
                _ = store.RemoveIfAsync(key, token.Value, CancellationToken.None).AsTask();
            }

            if (_current is { } valid && IsFresh(valid))
            {
                return ValueTask.FromResult(valid);
            }

            fetch = _inFlight ??= FetchAsync(rejected);
        }

        // Each caller may give up on its own; the shared request carries on for the others.
        return new ValueTask<HaloAccessToken>(fetch.WaitAsync(cancellationToken));
    }

    private bool IsFresh(HaloAccessToken token) => time.GetUtcNow() < token.ExpiresAt - options.TokenRefreshMargin;

    private async Task<HaloAccessToken> FetchAsync(string? rejected)
    {
        await Task.Yield();
        try
        {
            var shared = await store.GetAsync(key, CancellationToken.None).ConfigureAwait(false);
            HaloAccessToken token;
            if (shared is not null && shared.AccessToken != rejected
                && new HaloAccessToken(shared.AccessToken, shared.ExpiresAt, shared.Scope) is var fromStore && IsFresh(fromStore))
            {
                token = fromStore;
            }
            else
            {
                using var timeout = new CancellationTokenSource(options.AttemptTimeout, time);
                lock (_gate)
                {
                    TokenRequests++;
                }

                onRequest?.Invoke();

                token = await tokenClient.RequestTokenAsync(timeout.Token).ConfigureAwait(false);
                await store.SetAsync(key, new SharedToken(token.Value, token.ExpiresAt, token.Scope), CancellationToken.None).ConfigureAwait(false);
            }

            lock (_gate)
            {
                _current = token;
                _inFlight = null;
            }

            return token;
        }
        catch
        {
            lock (_gate)
            {
                _inFlight = null;
            }

            throw;
        }
    }
}
