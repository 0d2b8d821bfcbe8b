namespace HaloMcp.Grains.Ops;

/// <summary>The cluster as Orleans' management grain reports it.</summary>
/// <param name="Silos">Every silo in the membership table that is not dead.</param>
/// <param name="GrainTypes">Activations per grain type, over all active silos.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.ClusterOverview")]
public sealed record ClusterOverview(IReadOnlyList<SiloOverview> Silos, IReadOnlyList<GrainTypeOverview> GrainTypes);
