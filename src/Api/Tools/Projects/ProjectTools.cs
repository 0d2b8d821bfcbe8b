using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Projects;

/// <summary>Projects and saved reports.</summary>
[McpServerToolType]
public sealed class ProjectTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_projects", Title = "List projects", ReadOnly = true, UseStructuredContent = true)]
    [ResultLeavesOut("from_cache", "age_seconds")]
    [Description("Lists projects.")]
    public Task<PagedResult<ProjectRow>> ListProjects(
        [Range(1, int.MaxValue)] int? client_id = null,
        bool open_only = false,
        [Description("Text in the summary.")] string? search = null,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.ServiceDesk.ListProjectsAsync(new ProjectQuery(client_id, open_only, search, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_project", Title = "Get a project", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one project.")]
    public Task<ProjectDetail> GetProject(
        [Range(1, int.MaxValue)] int project_id,
        CancellationToken cancellationToken = default) =>
        grains.ServiceDesk.GetProjectAsync(project_id, cancellationToken);

    [McpServerTool(Name = "halopsa_list_reports", Title = "List reports", ReadOnly = true, UseStructuredContent = true)]
    [ResultLeavesOut("from_cache", "age_seconds")]
    [Description("Lists saved reports.")]
    public async Task<ItemList<ReportRow>> ListReports(
        [Description("Text in the name.")] string? search = null,
        CancellationToken cancellationToken = default) =>
        ItemList<ReportRow>.Of(await grains.ServiceDesk.ListReportsAsync(search, cancellationToken));
}
