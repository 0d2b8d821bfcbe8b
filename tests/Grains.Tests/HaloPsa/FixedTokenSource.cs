using HaloMcp.Grains.HaloPsa;

namespace HaloMcp.Grains.Tests.HaloPsa;

/// <summary>Always hands out the same token; counts invalidations. Stands in for a grain-owned source.</summary>
public sealed class FixedTokenSource(string value) : IHaloTokenSource
{
    private int _invalidations;
    private int _requests;

    public int Invalidations => Volatile.Read(ref _invalidations);

    public int Requests => Volatile.Read(ref _requests);

    public ValueTask<HaloAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return ValueTask.FromResult(new HaloAccessToken(value, DateTimeOffset.MaxValue, "all"));
    }

    public void Invalidate(HaloAccessToken rejected) => Interlocked.Increment(ref _invalidations);
}
