using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA tickets and actions to the trimmed records the grains hand out.</summary>
public static class TicketMapper
{
    /// <summary>A ticket in a list.</summary>
    public static TicketRow ToRow(HaloTicket t) => new(
        t.Id, t.Summary ?? string.Empty, t.ClientId, PlainText.OrNull(t.ClientName), PlainText.Id(t.SiteId), PlainText.OrNull(t.SiteName),
        t.StatusId, PlainText.OrNull(t.StatusName), PlainText.Id(t.PriorityId), PlainText.OrNull(t.PriorityName),
        PlainText.Id(t.TicketTypeId), PlainText.OrNull(t.TicketTypeName), PlainText.Id(t.AgentId), PlainText.OrNull(t.AgentName),
        t.TeamId is > 0 ? t.TeamId : null, PlainText.OrNull(t.Team), t.DateOccurred, t.LastActionDate, ReferenceMapper.IsClosedStatus(t.StatusId));

    /// <summary>One ticket with its newest actions; <paramref name="actionsTotal"/> is null when actions were not read.</summary>
    public static TicketDetail ToDetail(HaloTicket t, IReadOnlyList<ActionRow> actions, int? actionsTotal) => new(
        t.Id, t.Summary ?? string.Empty, PlainText.Of(t.Details), t.ClientId, PlainText.OrNull(t.ClientName),
        PlainText.Id(t.SiteId), PlainText.OrNull(t.SiteName), PlainText.Id(t.UserId), PlainText.OrNull(t.UserName),
        t.StatusId, PlainText.OrNull(t.StatusName), PlainText.Id(t.PriorityId), PlainText.OrNull(t.PriorityName),
        PlainText.Id(t.TicketTypeId), PlainText.OrNull(t.TicketTypeName), PlainText.Id(t.AgentId), PlainText.OrNull(t.AgentName),
        t.TeamId is > 0 ? t.TeamId : null, PlainText.OrNull(t.Team), PlainText.OrNull(t.Category1),
        t.DateOccurred, t.DateClosed, t.RespondByDate, t.FixByDate, t.LastActionDate,
        t.TimeTaken, t.OnHold, ReferenceMapper.IsClosedStatus(t.StatusId), actions, actionsTotal);

    /// <summary>An action; HaloPSA's <c>timetaken</c> is in hours, ours in minutes.</summary>
    public static ActionRow ToRow(HaloTicketAction a) => new(
        a.Id, a.TicketId, PlainText.OrNull(a.Outcome), PlainText.Id(a.OutcomeId), PlainText.OrNull(a.Who), PlainText.Id(a.WhoAgentId),
        a.DateTime, PlainText.Of(a.Note ?? a.NoteHtml, 1_000), Math.Round(a.TimeTaken * 60, 2), a.HiddenFromUser, a.IsBillable,
        a.NewStatus > 0 ? PlainText.OrNull(a.NewStatusName) : null);
}
