namespace HaloMcp.Grains.Writes;

/// <summary>Where an idempotent write stands, as its write-ahead record says.</summary>
[GenerateSerializer, Alias("halo.Writes.WriteStatus")]
public enum WriteStatus
{
    /// <summary>No write recorded: the next one goes ahead.</summary>
    None,

    /// <summary>Recorded before the request left; the activation that sent it has not (yet) recorded its end.</summary>
    InProgress,

    /// <summary>HaloPSA answered; the record holds its result.</summary>
    Done,

    /// <summary>HaloPSA may or may not have applied it.</summary>
    OutcomeUnknown,
}
