using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;
using HaloMcp.Grains.Search;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// A tenant's service-desk reads (key: tenant id): ticket and action lists, projects, reports and search. Reads run
/// outside any turn; the tenant grain hands them a token and a permit.
/// </summary>
public interface IServiceDeskGrain : IGrainWithStringKey
{
    /// <summary>One page of tickets.</summary>
    [AlwaysInterleave]
    Task<PagedResult<TicketRow>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>One page of actions (time entries, notes, billable work).</summary>
    [AlwaysInterleave]
    Task<PagedResult<ActionRow>> ListActionsAsync(ActionQuery query, CancellationToken cancellationToken);

    /// <summary>One page of projects.</summary>
    [AlwaysInterleave]
    Task<PagedResult<ProjectRow>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken);

    /// <summary>One project.</summary>
    [AlwaysInterleave]
    Task<ProjectDetail> GetProjectAsync(int projectId, CancellationToken cancellationToken);

    /// <summary>Saved reports whose name contains <paramref name="search"/> (all when null).</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<ReportRow>> ListReportsAsync(string? search, CancellationToken cancellationToken);

    /// <summary>Free-text search over one kind of entity.</summary>
    [AlwaysInterleave]
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
