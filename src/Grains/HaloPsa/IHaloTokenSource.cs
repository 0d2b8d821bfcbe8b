namespace HaloMcp.Grains.HaloPsa;

/// <summary>Supplies bearer tokens to <see cref="HaloApiClient"/>; the tenant grain owns the real one.</summary>
public interface IHaloTokenSource
{
    /// <summary>A token that is valid now (cached or freshly requested).</summary>
    ValueTask<HaloAccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>HaloPSA rejected <paramref name="rejected"/> (401): forget it so the next call fetches a new one.
    /// A newer token already cached is kept.</summary>
    void Invalidate(HaloAccessToken rejected);
}
