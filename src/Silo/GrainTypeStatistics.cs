namespace HaloMcp.Silo;

/// <summary>Counters for one grain type.</summary>
/// <param name="GrainType">The grain type name.</param>
/// <param name="Activations">Activations currently alive.</param>
/// <param name="ActivationsCreated">Activations created since the silo started.</param>
/// <param name="ActivationsCollected">Activations deactivated since the silo started (idle, requested or shutdown).</param>
/// <param name="Methods">Counters per grain method, keyed by method name.</param>
public sealed record GrainTypeStatistics(
    string GrainType,
    long Activations,
    long ActivationsCreated,
    long ActivationsCollected,
    IReadOnlyDictionary<string, GrainMethodStatistics> Methods)
{
    /// <summary>Calls completed so far on this grain type.</summary>
    public long Calls => Methods.Values.Sum(m => m.Calls);

    /// <summary>Calls that failed so far on this grain type.</summary>
    public long Errors => Methods.Values.Sum(m => m.Errors);
}
