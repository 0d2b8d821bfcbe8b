using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA tickets and actions to the trimmed records the grains hand out.</summary>
public static class TicketMapper
{
    /// <summary>A ticket in a list.</summary>
    public static TicketRow ToRow(HaloTicket t) => new(
        t.Id, t.Summary ?? string.Empty, t.ClientId, PlainText.OrNull(t.ClientName),
        t.StatusId, PlainText.OrNull(t.StatusName), PlainText.Id(t.PriorityId), PlainText.OrNull(t.PriorityName),
        PlainText.Id(t.AgentId), PlainText.OrNull(t.AgentName), t.LastActionDate);

    /// <summary>One ticket with its newest actions; both are null when actions were not read.</summary>
    public static TicketDetail ToDetail(HaloTicket t, IReadOnlyList<ActionRow>? actions, int? actionsTotal) => new(
        t.Id, t.Summary ?? string.Empty, PlainText.Of(t.Details), t.ClientId, PlainText.OrNull(t.ClientName),
        PlainText.Id(t.SiteId), PlainText.OrNull(t.SiteName), PlainText.Id(t.UserId), PlainText.OrNull(t.UserName),
        t.StatusId, PlainText.OrNull(t.StatusName), PlainText.Id(t.PriorityId), PlainText.OrNull(t.PriorityName),
        PlainText.Id(t.TicketTypeId), PlainText.OrNull(t.TicketTypeName), PlainText.Id(t.AgentId), PlainText.OrNull(t.AgentName),
        t.TeamId is > 0 ? t.TeamId : null, PlainText.OrNull(t.Team), PlainText.OrNull(t.Category1),
        t.DateOccurred, t.DateClosed, t.RespondByDate, t.FixByDate, t.LastActionDate,
        t.TimeTaken, t.OnHold, ReferenceMapper.IsClosedStatus(t.StatusId), actions, actionsTotal);

    /// <summary>A ticket as a ticket grain caches it, versioned by HaloPSA's <c>last_update</c>.</summary>
    public static TicketCopy ToCopy(HaloTicket t) => new(ToDetail(t, null, null), t.LastUpdate);

    /// <summary>
    /// A list row as a ticket grain's copy, when the row carries every field <c>get_ticket</c> shows: HaloPSA's list rows
    /// (<c>Faults_List</c>) do, down to <c>details</c> and <c>last_update</c>, unless the instance's list columns leave
    /// them out; without the version a row could not be ordered against a newer copy, so it is not used.
    /// </summary>
    public static TicketCopy? ToCopyFromRow(HaloTicket row) => row.Details is not null && row.LastUpdate is not null ? ToCopy(row) : null;

    /// <summary>
    /// The ticket as HaloPSA holds it after the action <paramref name="added"/> that HaloMcp just wrote: HaloPSA adds the
    /// action's time to the ticket's, makes its date the ticket's last action date, and moves the ticket to the status
    /// the action named. The copy is versioned just after the one it came from, so list rows read before the action
    /// cannot replace it, while the ticket HaloPSA sends afterwards (by webhook or a later read) does.
    /// </summary>
    public static TicketCopy AfterOwnAction(TicketCopy copy, ActionRow added, int? newStatusId, DateTimeOffset now)
    {
        var t = copy.Detail;
        var date = added.Date ?? now;
        var changed = t with
        {
            TimeTakenHours = Math.Round(t.TimeTakenHours + (added.TimeTakenMinutes / 60.0), 2),
            LastActionDate = t.LastActionDate is { } last && last > date ? last : date,
        };
        if (newStatusId is { } status && status != t.StatusId)
        {
            var closed = ReferenceMapper.IsClosedStatus(status);
            changed = changed with
            {
                StatusId = status,
                StatusName = added.NewStatusName ?? changed.StatusName,
                IsClosed = closed,
                DateClosed = closed ? t.DateClosed ?? date : null,
            };
        }

        var version = copy.Version is { } v ? (v >= date ? v.AddTicks(1) : date) : (DateTimeOffset?)null;
        return new TicketCopy(changed, version);
    }

    /// <summary>
    /// What <c>get_ticket</c> shows of a ticket's cached actions: the newest <paramref name="cap"/>, the newest
    /// <paramref name="inFull"/> of them with their whole note and the rest with its first <paramref name="previewLength"/>
    /// characters (a model reads the latest work closely and the history in outline; <c>list_actions</c> has every note).
    /// The ticket's id is not repeated in each of its actions.
    /// </summary>
    public static IReadOnlyList<ActionRow> Newest(TicketActions actions, int cap, int inFull, int previewLength) =>
    [
        .. actions.Newest.Take(cap).Select((a, i) => i < inFull || a.Note is null || a.Note.Length <= previewLength
            ? a with { TicketId = null }
            : a with { TicketId = null, Note = PlainText.Of(a.Note, previewLength) }),
    ];

    /// <summary>An action; HaloPSA's <c>timetaken</c> is in hours, ours in minutes.</summary>
    public static ActionRow ToRow(HaloTicketAction a) => new(
        a.Id, a.TicketId, PlainText.OrNull(a.Outcome), PlainText.Id(a.OutcomeId), PlainText.OrNull(a.Who), PlainText.Id(a.WhoAgentId),
        a.DateTime, PlainText.Of(a.Note ?? a.NoteHtml, 1_000), Math.Round(a.TimeTaken * 60, 2), a.HiddenFromUser, a.IsBillable,
        a.NewStatus > 0 ? PlainText.OrNull(a.NewStatusName) : null);
}
