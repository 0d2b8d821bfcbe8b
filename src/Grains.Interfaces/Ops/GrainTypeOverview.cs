namespace HaloMcp.Grains.Ops;

/// <summary>Activations of one grain type.</summary>
/// <param name="GrainType">The grain class's full name (the dashboard's grain pages are keyed by it).</param>
/// <param name="Activations">Activations over all active silos.</param>
/// <param name="Silos">Silos holding at least one of them.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.GrainTypeOverview")]
public sealed record GrainTypeOverview(string GrainType, long Activations, int Silos)
{
    /// <summary>The class name without its namespace.</summary>
    public string ShortName => GrainType[(GrainType.LastIndexOf('.') + 1)..];
}
