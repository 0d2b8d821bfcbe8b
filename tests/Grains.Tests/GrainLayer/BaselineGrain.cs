using Orleans;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>Holds nothing and does nothing.</summary>
public sealed class BaselineGrain : Grain, IBaselineGrain
{
    public Task<int> PingAsync() => Task.FromResult(0);
}
