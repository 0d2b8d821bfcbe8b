namespace HaloMcp.Silo.Tests;

/// <summary>
/// Tests that measure the managed heap run alone: other tests' allocations would otherwise show up in
/// <see cref="GC.GetTotalMemory(bool)"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
