namespace HaloMcp.Grains.Tickets;

/// <summary>
/// A change to one ticket that HaloMcp learnt without asking HaloPSA (a webhook, a list row, a create's answer), for
/// its grain to apply to its caches.
/// </summary>
/// <param name="Ticket">The ticket as HaloPSA sent it, when the change carries it.</param>
/// <param name="AsOf">When that copy was known to be current.</param>
/// <param name="Action">An action added or changed, as HaloPSA sent it.</param>
/// <param name="DeletedActionId">An action that was deleted.</param>
/// <param name="TicketDeleted">Whether the ticket itself was deleted.</param>
[GenerateSerializer, Immutable, Alias("halo.Tickets.TicketChange")]
public sealed record TicketChange(
    TicketCopy? Ticket,
    DateTimeOffset AsOf,
    ActionRow? Action = null,
    int? DeletedActionId = null,
    bool TicketDeleted = false);
