using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;

namespace HaloMcp.Api.Tools.Projects;

/// <summary><c>halopsa_list_projects</c>: one page of projects.</summary>
public sealed class ListProjectsTool() : HaloTool<PagedResult<ProjectRow>>(
    "halopsa_list_projects",
    "List projects",
    "Lists HaloPSA projects, optionally one client's, only open ones, or by text in the summary.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's projects."),
        Arg.Flag("open_only", "Only open projects.", false),
        Arg.Text("search", "Summary contains this text."),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultProjectRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<ProjectRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.ServiceDesk.ListProjectsAsync(
            new ProjectQuery(arguments.Int("client_id"), arguments.Flag("open_only"), arguments.Text("search"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<ProjectRow> result) => ToolText.Page("Projects", result, p => ToolText.Join(
        $"project #{p.Id} {p.Summary}", ToolText.Named(p.ClientName, p.ClientId), p.StatusName, p.AgentName,
        p.TargetDate is null ? null : $"target {ToolText.Day(p.TargetDate)}"));
}
