namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// The grain-layer tests run one class at a time and apart from the project's other tests: they push thousands of
/// calls and real HTTP requests through the machine's two cores, and tests elsewhere that drive a manual clock
/// against real HTTP would otherwise be starved. The memory test needs the process to itself anyway.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GrainLayerCollection
{
    public const string Name = "Grain layer";
}
