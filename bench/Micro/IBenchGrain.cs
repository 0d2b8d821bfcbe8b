using HaloMcp.Grains;

namespace HaloMcp.Bench.Micro;

/// <summary>A grain with nothing to do, so a call measures the runtime alone.</summary>
public interface IBenchGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int value, CancellationToken cancellationToken);

    [AlwaysInterleave]
    Task<int> PeekAsync(CancellationToken cancellationToken);

    ValueTask<int> AddValueAsync(int value, CancellationToken cancellationToken);
}
