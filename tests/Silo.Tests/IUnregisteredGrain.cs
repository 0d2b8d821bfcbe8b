using HaloMcp.Grains;

namespace HaloMcp.Silo.Tests;

public interface IUnregisteredGrain : IGrainWithStringKey
{
    Task PingAsync();
}
