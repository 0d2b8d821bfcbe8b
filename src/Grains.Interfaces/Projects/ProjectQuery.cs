namespace HaloMcp.Grains.Projects;

/// <summary>Filters and paging for projects.</summary>
/// <param name="ClientId">Only this client's projects.</param>
/// <param name="OpenOnly">Only open projects.</param>
/// <param name="Search">Summary contains.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Projects.ProjectQuery")]
public sealed record ProjectQuery(
    int? ClientId,
    bool OpenOnly,
    string? Search,
    int Page,
    int PageSize);
