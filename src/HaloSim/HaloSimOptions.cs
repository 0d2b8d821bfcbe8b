namespace HaloMcp.HaloSim;

/// <summary>Configuration of the simulator, bound from the <c>HaloSim</c> section.</summary>
public sealed class HaloSimOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "HaloSim";

    /// <summary>
    /// The simulated HaloPSA instances. The first one is the default instance, also served at the root
    /// <c>/api</c> and <c>/auth</c>. When empty, a single <c>demo</c> instance with default settings is used.
    /// </summary>
    public List<SimInstanceOptions> Instances { get; set; } = [];

    /// <summary>The instances to run: the configured list, or one default <c>demo</c> instance when none is configured.</summary>
    internal IReadOnlyList<SimInstanceOptions> EffectiveInstances() =>
        Instances.Count > 0 ? Instances : [new SimInstanceOptions()];
}
