namespace HaloMcp.Grains.Tickets;

/// <summary>
/// A ticket as a ticket grain caches it: the record it hands out (without actions) and the version that orders copies
/// arriving from different places (HaloPSA's <c>last_update</c>, when the instance sends it).
/// </summary>
/// <param name="Detail">The ticket, without actions.</param>
/// <param name="Version">HaloPSA's last-update time of this state; null when unknown (then any later copy replaces it).</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketCopy")]
public sealed record TicketCopy(TicketDetail Detail, DateTimeOffset? Version);
