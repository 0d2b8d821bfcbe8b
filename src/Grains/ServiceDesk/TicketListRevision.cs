using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.ServiceDesk;

/// <summary>
/// Applies one ticket's change to a cached first page of tickets, newest first (id descending, as
/// <see cref="ServiceDeskGrain.ToWire"/> asks), when the change can be placed exactly: the page's filters are fields
/// of the ticket (client, site, agent, team, status, priority, type, open), and where the ticket enters or leaves the
/// page is known from its id. Anything else (text search, dates, later pages, a ticket entering or leaving beyond a
/// full page) answers null: the page is then read again.
/// </summary>
public static class TicketListRevision
{
    /// <summary>The page with ticket <paramref name="ticketId"/> as <paramref name="now"/> (null: deleted), or null when that cannot be placed exactly.</summary>
    public static PagedResult<TicketRow>? Revise(TicketQuery query, PagedResult<TicketRow> page, int ticketId, TicketDetail? now, bool deleted)
    {
        if (query.Page != 1 || query.Search is not null || query.DateFrom is not null || query.DateTo is not null || (now is null && !deleted))
        {
            return null;
        }

        var rows = page.Items.ToList();
        var at = rows.FindIndex(r => r.Id == ticketId);
        var member = now is not null && Matches(query, now);

        // Below the last row of a page with more after it, the ticket's place is on a later page: the page is unchanged
        // but whether the total moves is not known.
        var onThisPage = !page.HasMore || rows.Count == 0 || ticketId > rows[^1].Id;
        if (at >= 0)
        {
            if (member)
            {
                rows[at] = RowOf(query, now!);
                return page with { Items = rows };
            }

            if (page.HasMore)
            {
                // The first row of the next page would move up.
                return null;
            }

            rows.RemoveAt(at);
            return page with { Items = rows, Total = page.Total - 1 };
        }

        if (!member)
        {
            // Not on the page before (it would be in it) nor after.
            return onThisPage ? page : null;
        }

        if (!onThisPage)
        {
            return null;
        }

        // It was not a member before (it would be on the page): it joins in id order.
        var place = rows.FindIndex(r => r.Id < ticketId);
        rows.Insert(place < 0 ? rows.Count : place, RowOf(query, now!));
        var more = page.HasMore;
        if (rows.Count > query.PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
            more = true;
        }

        return page with { Items = rows, Total = page.Total + 1, HasMore = more };
    }

    private static bool Matches(TicketQuery q, TicketDetail t) =>
        (q.ClientId is null || q.ClientId == t.ClientId)
        && (q.SiteId is null || q.SiteId == t.SiteId)
        && (q.AgentId is null || q.AgentId == t.AgentId)
        && (q.TeamId is null || q.TeamId == t.TeamId)
        && (q.StatusId is null || q.StatusId == t.StatusId)
        && (q.PriorityId is null || q.PriorityId == t.PriorityId)
        && (q.TicketTypeId is null || q.TicketTypeId == t.TicketTypeId)
        && (!q.OpenOnly || !t.IsClosed);

    // As the list shows it: a list filtered by client leaves the client out of its rows.
    private static TicketRow RowOf(TicketQuery q, TicketDetail t) => new(
        t.Id, t.Summary, q.ClientId is null ? t.ClientId : null, q.ClientId is null ? t.ClientName : null, t.StatusId, t.StatusName,
        t.PriorityId, t.PriorityName, t.AgentId, t.AgentName, t.LastActionDate);
}
