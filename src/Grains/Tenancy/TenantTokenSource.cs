using HaloMcp.Grains.HaloPsa;

namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// Plugs the tenant grain's token into the HaloPSA client. <see cref="Invalidate"/> cannot call the grain
/// synchronously, so it remembers the rejected token and the next request for a token names it; the grain drops it
/// only if it is still current, so 200 callers that saw the same 401 cause one new token, not 200.
/// </summary>
public sealed class TenantTokenSource(ITenantUpstream tenant) : IHaloTokenSource
{
    private volatile string? _rejected;

    /// <inheritdoc />
    public async ValueTask<HaloAccessToken> GetTokenAsync(CancellationToken cancellationToken) =>
        await tenant.GetTokenAsync(_rejected, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public void Invalidate(HaloAccessToken rejected) => _rejected = rejected.Value;
}
