namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The tenant grain's durable record of its budget (grain state in <see cref="Storage.HaloStorage.State"/>): what a
/// recovering activation must count as spent.
/// </summary>
[GenerateSerializer, Alias("halo.Tenancy.BudgetJournal")]
public sealed class BudgetJournal
{
    /// <summary>Permits known to be spent, each entry no later than its time (only those still in a window are kept).</summary>
    [Id(0)]
    public List<SpentPermits> Spent { get; set; } = [];

    /// <summary>When the open reservation was made; null when none is open.</summary>
    [Id(1)]
    public DateTimeOffset? ReservedAt { get; set; }

    /// <summary>
    /// Permits of the open reservation. How many of them went out, and when, is known only to the activation that made
    /// it: a recovering one counts them all, as spent at the moment it recovers.
    /// </summary>
    [Id(2)]
    public int Reserved { get; set; }

    /// <summary>The pause a 429 imposed, as of the last write.</summary>
    [Id(3)]
    public DateTimeOffset? PausedUntil { get; set; }
}
