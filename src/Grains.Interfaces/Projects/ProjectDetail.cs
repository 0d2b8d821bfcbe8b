namespace HaloMcp.Grains.Projects;

/// <summary>One project.</summary>
/// <param name="Id">The project id.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="Details">Details (plain, capped).</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="StatusName">Status.</param>
/// <param name="AgentName">Assignee.</param>
/// <param name="TeamName">Team.</param>
/// <param name="StartDate">Start (UTC).</param>
/// <param name="TargetDate">Target (UTC).</param>
/// <param name="DateClosed">Closed (UTC).</param>
/// <param name="TimeTakenHours">Time logged, in hours.</param>
/// <param name="EstimateHours">Estimate, in hours.</param>
/// <param name="ParentId">The parent project, when this is a task of one.</param>
/// <param name="IsClosed">Whether it is closed.</param>
[GenerateSerializer, Immutable, Alias("halo.Projects.ProjectDetail")]
public sealed record ProjectDetail(
    int Id,
    string Summary,
    string? Details,
    int ClientId,
    string? ClientName,
    string? StatusName,
    string? AgentName,
    string? TeamName,
    DateTimeOffset? StartDate,
    DateTimeOffset? TargetDate,
    DateTimeOffset? DateClosed,
    double TimeTakenHours,
    double? EstimateHours,
    int? ParentId,
    bool IsClosed);
