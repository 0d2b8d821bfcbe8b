using Orleans;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>A grain with nothing in it: what Orleans itself keeps for any activation is measured with it.</summary>
[Alias("halo.tests.IBaselineGrain")]
public interface IBaselineGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> PingAsync();
}
