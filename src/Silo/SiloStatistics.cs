namespace HaloMcp.Silo;

/// <summary>A snapshot of the silo's counters, per grain type.</summary>
/// <param name="GrainTypes">Counters per grain type, keyed by grain type name (e.g. <c>TicketGrain</c>).</param>
public sealed record SiloStatistics(IReadOnlyDictionary<string, GrainTypeStatistics> GrainTypes)
{
    /// <summary>Activations currently alive, all grain types together.</summary>
    public long Activations => GrainTypes.Values.Sum(t => t.Activations);

    /// <summary>Calls completed so far (successfully or not), all grain types together.</summary>
    public long Calls => GrainTypes.Values.Sum(t => t.Calls);

    /// <summary>Calls that failed so far, all grain types together.</summary>
    public long Errors => GrainTypes.Values.Sum(t => t.Errors);
}
