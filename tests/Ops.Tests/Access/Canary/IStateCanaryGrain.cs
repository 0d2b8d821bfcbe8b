namespace HaloMcp.Ops.Tests.Access.Canary;

/// <summary>A grain shaped the way the dashboard's state viewer likes: it proves the viewer would show such a method.</summary>
[Alias("halo.Tests.IStateCanaryGrain")]
public interface IStateCanaryGrain : IGrainWithStringKey
{
    [Alias("GetState")]
    Task<string> GetState();
}
