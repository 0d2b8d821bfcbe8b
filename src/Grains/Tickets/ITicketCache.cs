namespace HaloMcp.Grains.Tickets;

/// <summary>
/// What the grains tell a ticket grain about its ticket (internal to the grains: the Api never calls it). It touches
/// memory only, so it interleaves with a write in flight instead of waiting for HaloPSA's answer to it; the write's
/// answer is then weighed against what arrived meanwhile by version.
/// </summary>
[Alias("halo.ITicketCache")]
public interface ITicketCache : IGrainWithIntegerCompoundKey
{
    /// <summary>Applies <paramref name="change"/>; answers whether a cached copy was replaced or dropped.</summary>
    [AlwaysInterleave]
    [Alias("Apply")]
    Task<bool> ApplyAsync(TicketChange change);

    /// <summary>The ticket as the grain holds it (the newest copy it has seen, however old), without asking HaloPSA; null when it holds none.</summary>
    [AlwaysInterleave]
    [Alias("Peek")]
    Task<TicketDetail?> PeekAsync(CancellationToken cancellationToken);
}
