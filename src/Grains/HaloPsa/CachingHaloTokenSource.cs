using HaloMcp.Grains.HaloPsa.Errors;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>
/// A token cache over <see cref="HaloTokenClient"/>: concurrent callers on a cold or expiring cache share one token
/// request (single flight); a token is replaced <see cref="HaloClientOptions.TokenRefreshMargin"/> before it expires
/// (at most half its lifetime early); <see cref="Invalidate"/> drops only the token it is given.
/// </summary>
/// <param name="tokenClient">Requests tokens.</param>
/// <param name="options">Refresh margin and the timeout of one token request.</param>
/// <param name="timeProvider">The clock that decides expiry.</param>
public sealed class CachingHaloTokenSource(HaloTokenClient tokenClient, HaloClientOptions options, TimeProvider timeProvider) : IHaloTokenSource
{
    private readonly Lock _gate = new();
    private HaloAccessToken? _current;
    private DateTimeOffset _refreshAt;
    private Task<HaloAccessToken>? _inFlight;

    /// <inheritdoc />
    public ValueTask<HaloAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<HaloAccessToken> fetch;
        lock (_gate)
        {
            if (_current is { } token && timeProvider.GetUtcNow() < _refreshAt)
            {
                return ValueTask.FromResult(token);
            }

            fetch = _inFlight ??= FetchAsync();
        }

        // Each caller may give up on its own; the shared request carries on for the others.
        return new ValueTask<HaloAccessToken>(fetch.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public void Invalidate(HaloAccessToken rejected)
    {
        lock (_gate)
        {
            if (_current is { } current && current.Value == rejected.Value)
            {
                _current = null;
            }
        }
    }

    private async Task<HaloAccessToken> FetchAsync()
    {
        // Leave the caller's lock before any work happens.
        await Task.Yield();
        using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
        try
        {
            var issuedAt = timeProvider.GetUtcNow();
            HaloAccessToken token;
            try
            {
                token = await tokenClient.RequestTokenAsync(timeout.Token);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested)
            {
                throw new HaloTransientException(
                    "HaloPSA's authorisation server did not answer in time; try again later.", null, tokenClient.Connection.TokenUri.AbsolutePath, ex);
            }

            var lifetime = token.ExpiresAt - issuedAt;
            var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
            lock (_gate)
            {
                _current = token;
                _refreshAt = token.ExpiresAt - margin;
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
