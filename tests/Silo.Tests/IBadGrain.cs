using HaloMcp.Grains;

namespace HaloMcp.Silo.Tests;

public interface IBadGrain : IGrainWithStringKey
{
    int Compute();
}
