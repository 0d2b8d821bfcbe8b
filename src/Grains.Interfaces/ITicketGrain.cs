using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// One ticket (key: <see cref="GrainKeys.ForEntity"/> of tenant and ticket id). Writes run inside its turn, so writes
/// to one ticket reach HaloPSA one at a time in arrival order; each write drops the cached ticket it changes.
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>The ticket, with its newest actions when <paramref name="includeActions"/> is set.</summary>
    [ReadOnly]
    Task<TicketDetail> GetAsync(bool includeActions, CancellationToken cancellationToken);

    /// <summary>Changes the fields <paramref name="command"/> names; answers the ticket as HaloPSA saved it.</summary>
    Task<TicketDetail> UpdateAsync(UpdateTicketCommand command, CancellationToken cancellationToken);

    /// <summary>Adds an action (note, time entry, status change).</summary>
    Task<ActionRow> AddActionAsync(AddActionCommand command, CancellationToken cancellationToken);
}
