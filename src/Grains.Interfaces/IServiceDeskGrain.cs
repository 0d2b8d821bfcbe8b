using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;
using HaloMcp.Grains.Search;
using HaloMcp.Grains.Tickets;

namespace HaloMcp.Grains;

/// <summary>
/// A tenant's service-desk reads (key: tenant id): ticket and action lists, projects, reports and search. It owns no
/// state, so its calls interleave freely.
/// </summary>
[Alias("halo.IServiceDeskGrain")]
[Repeatable]
public interface IServiceDeskGrain : IGrainWithStringKey
{
    /// <summary>One page of tickets. Rows that carry every field of a ticket become its grain's cached copy.</summary>
    [Alias("ListTickets")]
    Task<PagedResult<TicketRow>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// One page of actions (time entries, notes, billable work), newest first. A ticket's actions without further
    /// filters come from its grain's cache when fresh enough.
    /// </summary>
    [Alias("ListActions")]
    Task<ActionPage> ListActionsAsync(ActionQuery query, CancellationToken cancellationToken);

    /// <summary>One page of projects.</summary>
    [Alias("ListProjects")]
    Task<PagedResult<ProjectRow>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken);

    /// <summary>One project.</summary>
    [Alias("GetProject")]
    Task<ProjectDetail> GetProjectAsync(int projectId, CancellationToken cancellationToken);

    /// <summary>Saved reports whose name contains <paramref name="search"/> (all when null).</summary>
    [Alias("ListReports")]
    Task<IReadOnlyList<ReportRow>> ListReportsAsync(string? search, CancellationToken cancellationToken);

    /// <summary>Free-text search over one kind of entity.</summary>
    [Alias("Search")]
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
