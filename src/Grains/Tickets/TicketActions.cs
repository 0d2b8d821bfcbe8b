namespace HaloMcp.Grains.Tickets;

/// <summary>A ticket's actions as its grain caches them: up to one page of HaloPSA's (100), newest first, and how many there are.</summary>
/// <param name="Newest">The newest actions, newest first.</param>
/// <param name="Total">How many actions the ticket has in all.</param>
public sealed record TicketActions(IReadOnlyList<ActionRow> Newest, int Total)
{
    /// <summary>Whether every action of the ticket is held.</summary>
    public bool Complete => Newest.Count >= Total;

    /// <summary>With <paramref name="action"/> added, or replacing the one with its id; at most <paramref name="cap"/> kept.</summary>
    public TicketActions With(ActionRow action, int cap)
    {
        var known = Newest.Any(a => a.Id == action.Id);
        var merged = Newest.Where(a => a.Id != action.Id).Append(action)
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
            .Take(cap)
            .ToList();
        return new TicketActions(merged, known ? Total : Total + 1);
    }

    /// <summary>Without the action <paramref name="actionId"/>.</summary>
    public TicketActions Without(int actionId) =>
        Newest.Any(a => a.Id == actionId) ? new TicketActions([.. Newest.Where(a => a.Id != actionId)], Math.Max(0, Total - 1)) : this with { Total = Math.Max(Newest.Count, Total - 1) };
}
