namespace HaloMcp.Silo.Tests;

public sealed class BadGrain : Grain, IBadGrain
{
    public int Compute() => 42;
}
