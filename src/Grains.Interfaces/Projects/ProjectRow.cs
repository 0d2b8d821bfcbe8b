namespace HaloMcp.Grains.Projects;

/// <summary>A project in a list.</summary>
/// <param name="Id">The project id.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="StatusName">Status.</param>
/// <param name="AgentName">Project manager or assignee.</param>
/// <param name="StartDate">Start (UTC).</param>
/// <param name="TargetDate">Target (UTC).</param>
/// <param name="IsClosed">Whether it is closed.</param>
[GenerateSerializer, Immutable, Alias("halo.Projects.ProjectRow")]
public sealed record ProjectRow(
    int Id,
    string Summary,
    int ClientId,
    string? ClientName,
    string? StatusName,
    string? AgentName,
    DateTimeOffset? StartDate,
    DateTimeOffset? TargetDate,
    bool IsClosed);
