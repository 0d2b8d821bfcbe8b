using Orleans;
using Orleans.Concurrency;

namespace HaloMcp.Bench.Micro;

/// <summary>A grain with nothing to do, so a call measures the runtime alone.</summary>
[Alias("halo.bench.IBenchGrain")]
public interface IBenchGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task<int> AddAsync(int value, CancellationToken cancellationToken);

    [AlwaysInterleave]
    [Alias("Peek")]
    Task<int> PeekAsync(CancellationToken cancellationToken);

    [Alias("AddValue")]
    ValueTask<int> AddValueAsync(int value, CancellationToken cancellationToken);
}
