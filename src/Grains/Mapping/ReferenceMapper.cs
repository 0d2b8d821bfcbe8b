using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Reference;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA's reference data to the records the grains hand out.</summary>
public static class ReferenceMapper
{
    /// <summary>HaloPSA's built-in closed statuses: 9 Closed and 8 Cancelled (status <c>type</c> is no open flag).</summary>
    public static bool IsClosedStatus(int statusId) => statusId is 8 or 9;

    /// <summary>A status.</summary>
    public static StatusInfo ToInfo(HaloStatus s) => new(s.Id, s.Name ?? $"#{s.Id}", PlainText.OrNull(s.ShortName), IsClosedStatus(s.Id));

    /// <summary>A ticket type.</summary>
    public static TicketTypeInfo ToInfo(HaloTicketType t) =>
        new(t.Id, t.Name ?? $"#{t.Id}", PlainText.OrNull(t.GroupName), PlainText.Id(t.DefaultPriority), t.AgentsCanSelect);

    /// <summary>Priorities as tickets use them: HaloPSA keeps a row per SLA, so keep the first row per priority id.</summary>
    public static IReadOnlyList<PriorityInfo> ToInfos(IReadOnlyList<HaloPriority> rows) =>
    [
        .. rows.Where(p => !p.IsHidden)
            .GroupBy(p => p.PriorityId)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(p => p.SlaId).First())
            .Select(p => new PriorityInfo(p.PriorityId, p.Name ?? $"#{p.PriorityId}", p.SlaId, Hours(p.ResponseTime, p.ResponseUnits), Hours(p.FixTime, p.FixUnits))),
    ];

    /// <summary>A team.</summary>
    public static TeamInfo ToInfo(HaloTeam t) => new(t.Id, t.Name ?? $"#{t.Id}", PlainText.OrNull(t.DepartmentName), t.Inactive);

    /// <summary>An agent in a list.</summary>
    public static AgentInfo ToInfo(HaloAgent a) =>
        new(a.Id, a.Name ?? $"#{a.Id}", PlainText.OrNull(a.Email), PlainText.OrNull(a.Team), a.TeamId is > 0 ? [a.TeamId.Value] : [], a.IsDisabled);

    /// <summary>An asset type.</summary>
    public static AssetTypeInfo ToInfo(HaloAssetType t) =>
        new(t.Id, t.Name ?? $"#{t.Id}", PlainText.OrNull(t.AssetGroupName), PlainText.OrNull(t.KeyFieldName));

    /// <summary>An action outcome.</summary>
    public static OutcomeInfo ToInfo(HaloOutcome o) => new(o.Id, o.Outcome ?? o.ButtonName ?? $"#{o.Id}", o.HideFromUser);

    /// <summary>One agent with its teams named.</summary>
    public static AgentDetail ToDetail(HaloAgent a, IReadOnlyList<TeamInfo> teams)
    {
        var teamNames = a.TeamId is > 0 && teams.FirstOrDefault(t => t.Id == a.TeamId) is { } team ? [team.Name]
            : a.Team is { Length: > 0 } name ? new[] { name } : [];
        return new AgentDetail(a.Id, a.Name ?? $"#{a.Id}", PlainText.OrNull(a.Email), PlainText.OrNull(a.JobTitle), null,
            PlainText.OrNull(a.Team), teamNames, [], a.IsDisabled, a.IsApiAgent);
    }

    /// <summary>Whether an agent passes a list query.</summary>
    public static bool Matches(AgentInfo agent, AgentQuery query) =>
        (query.IncludeInactive || !agent.IsDisabled)
        && (query.TeamId is null || agent.TeamIds.Contains(query.TeamId.Value))
        && (query.Search is null
            || agent.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase)
            || (agent.Email?.Contains(query.Search, StringComparison.OrdinalIgnoreCase) ?? false));

    private static double? Hours(double value, string? units) => value <= 0 ? null : (units?.ToUpperInvariant()) switch
    {
        "MINUTES" or "MINS" or "M" => value / 60,
        "DAYS" or "D" => value * 24,
        _ => value,
    };
}
