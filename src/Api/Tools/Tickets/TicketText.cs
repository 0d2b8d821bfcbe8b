using System.Globalization;
using System.Text;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary>Text renderings of tickets and actions.</summary>
public static class TicketText
{
    /// <summary>One ticket on one line.</summary>
    public static string Row(TicketRow t) => ToolText.Join(
        $"#{t.Id} {t.Summary}",
        ToolText.Named(t.ClientName, t.ClientId),
        t.StatusName,
        t.PriorityName,
        t.AgentName ?? "unassigned",
        t.TeamName,
        ToolText.Day(t.DateOccurred));

    /// <summary>One action on one line (plus its note, shortened).</summary>
    public static string Action(ActionRow a)
    {
        var head = ToolText.Join(
            $"action #{a.Id} on ticket #{a.TicketId}",
            ToolText.Minute(a.Date),
            a.Who,
            a.Outcome,
            a.TimeTakenMinutes > 0 ? string.Create(CultureInfo.InvariantCulture, $"{a.TimeTakenMinutes:0.#} min") : null,
            a.HiddenFromUser ? "private" : "visible to user",
            a.NewStatusName is null ? null : $"status -> {a.NewStatusName}");
        return string.IsNullOrWhiteSpace(a.Note) ? head : $"{head}\n  {Shorten(a.Note, 300)}";
    }

    /// <summary>A ticket with its fields and actions.</summary>
    public static string Detail(TicketDetail t)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ticket #{t.Id}: {t.Summary}");
        ToolText.Field(text, "Client", ToolText.Named(t.ClientName, t.ClientId));
        ToolText.Field(text, "Site", ToolText.Named(t.SiteName, t.SiteId));
        ToolText.Field(text, "User", ToolText.Named(t.UserName, t.UserId));
        ToolText.Field(text, "Status", ToolText.Named(t.StatusName, t.StatusId) + (t.IsClosed ? " (closed)" : string.Empty));
        ToolText.Field(text, "Priority", ToolText.Named(t.PriorityName, t.PriorityId));
        ToolText.Field(text, "Type", ToolText.Named(t.TicketTypeName, t.TicketTypeId));
        ToolText.Field(text, "Agent", ToolText.Named(t.AgentName, t.AgentId));
        ToolText.Field(text, "Team", ToolText.Named(t.TeamName, t.TeamId));
        ToolText.Field(text, "Category", t.Category);
        ToolText.Field(text, "Logged", ToolText.Minute(t.DateOccurred));
        ToolText.Field(text, "Respond by", ToolText.Minute(t.RespondBy));
        ToolText.Field(text, "Fix by", ToolText.Minute(t.FixBy));
        ToolText.Field(text, "Closed", ToolText.Minute(t.DateClosed));
        ToolText.Field(text, "Time logged", t.TimeTakenHours > 0 ? string.Create(CultureInfo.InvariantCulture, $"{t.TimeTakenHours:0.##} h") : null);
        ToolText.Field(text, "On hold", t.OnHold ? "yes" : null);
        ToolText.Field(text, "Details", t.Details is null ? null : Shorten(t.Details, 2_000));
        if (t.Actions.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Actions (newest {t.Actions.Count} of {t.ActionsTotal}):");
            foreach (var action in t.Actions)
            {
                text.AppendLine(Action(action));
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Shorten(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
