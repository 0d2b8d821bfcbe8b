using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// One ticket. Key: the ticket id, with the tenant id as key extension
/// (<c>grains.GetGrain&lt;ITicketGrain&gt;(ticketId, tenantId)</c>). Writes run in its turn, so writes to one ticket
/// reach HaloPSA one at a time in arrival order; each write replaces or drops the cached copy it changes. A ticket
/// HaloPSA does not have costs no activation: the grain deactivates after answering "not found".
/// </summary>
[Alias("halo.ITicketGrain")]
public interface ITicketGrain : IGrainWithIntegerCompoundKey
{
    /// <summary>The ticket, with its newest actions when <paramref name="includeActions"/> is set.</summary>
    [ReadOnly]
    [Repeatable]
    [Alias("Get")]
    Task<TicketDetail> GetAsync(bool includeActions, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the ticket's actions, newest first, from its cached actions when those hold the page and are fresh
    /// enough; otherwise they are read from HaloPSA (one request for a ticket with up to 100 actions) and kept.
    /// </summary>
    [ReadOnly]
    [Alias("ListActions")]
    Task<ActionPage> ListActionsAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Changes the fields <paramref name="command"/> names; answers the ticket as HaloPSA saved it.</summary>
    [Alias("Update")]
    Task<TicketDetail> UpdateAsync(UpdateTicketCommand command, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an action (note, time entry, status change). Idempotent like a create: the same action within the window
    /// answers the first one, and one whose outcome is unknown is refused rather than written twice.
    /// </summary>
    [Repeatable]
    [Alias("AddAction")]
    Task<ActionRow> AddActionAsync(AddActionCommand command, CancellationToken cancellationToken);
}
