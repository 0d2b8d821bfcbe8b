using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Projects;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA projects and reports to the records the grains hand out.</summary>
public static class ProjectMapper
{
    /// <summary>A project in a list.</summary>
    public static ProjectRow ToRow(HaloProject p) => new(
        p.Id, p.Summary ?? string.Empty, p.ClientId, PlainText.OrNull(p.ClientName), PlainText.OrNull(p.StatusName), PlainText.OrNull(p.AgentName),
        p.StartDate, p.TargetDate, ReferenceMapper.IsClosedStatus(p.StatusId));

    /// <summary>One project.</summary>
    public static ProjectDetail ToDetail(HaloProject p) => new(
        p.Id, p.Summary ?? string.Empty, PlainText.Of(p.Details), p.ClientId, PlainText.OrNull(p.ClientName), PlainText.OrNull(p.StatusName),
        PlainText.OrNull(p.AgentName), PlainText.OrNull(p.Team), p.StartDate, p.TargetDate, p.DateClosed, p.TimeTaken, p.Estimate, p.ParentId > 0 ? p.ParentId : null,
        ReferenceMapper.IsClosedStatus(p.StatusId));

    /// <summary>A saved report.</summary>
    public static ReportRow ToRow(HaloReport r) => new(r.Id, r.Name ?? $"#{r.Id}", PlainText.OrNull(r.GroupName), PlainText.Of(r.Description, 300));
}
