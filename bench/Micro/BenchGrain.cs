using Orleans;

namespace HaloMcp.Bench.Micro;

public sealed class BenchGrain : Grain, IBenchGrain
{
    private int _total;

    public Task<int> AddAsync(int value, CancellationToken cancellationToken) => Task.FromResult(_total += value);

    public Task<int> PeekAsync(CancellationToken cancellationToken) => Task.FromResult(_total);

    public ValueTask<int> AddValueAsync(int value, CancellationToken cancellationToken) => ValueTask.FromResult(_total += value);
}
