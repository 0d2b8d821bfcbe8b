using System.Globalization;
using System.Text;
using HaloMcp.Grains.Projects;

namespace HaloMcp.Api.Tools.Projects;

/// <summary><c>halopsa_get_project</c>: one project.</summary>
public sealed class GetProjectTool() : HaloTool<ProjectDetail>(
    "halopsa_get_project",
    "Get a project",
    "Reads one HaloPSA project: client, status, assignee, dates, time logged against the estimate, and how many tasks it has.",
    ToolKind.Read,
    [Arg.Id("project_id", "The project's id.", required: true)],
    HaloToolJsonContext.Default.ProjectDetail)
{
    /// <inheritdoc />
    protected override Task<ProjectDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.ServiceDesk.GetProjectAsync(arguments.RequiredInt("project_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(ProjectDetail result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Project #{result.Id}: {result.Summary}{(result.IsClosed ? " (closed)" : string.Empty)}");
        ToolText.Field(text, "Client", ToolText.Named(result.ClientName, result.ClientId));
        ToolText.Field(text, "Status", result.StatusName);
        ToolText.Field(text, "Assignee", result.AgentName);
        ToolText.Field(text, "Team", result.TeamName);
        ToolText.Field(text, "Start", ToolText.Day(result.StartDate));
        ToolText.Field(text, "Target", ToolText.Day(result.TargetDate));
        ToolText.Field(text, "Closed", ToolText.Day(result.DateClosed));
        ToolText.Field(text, "Time", string.Create(CultureInfo.InvariantCulture, $"{result.TimeTakenHours:0.##} h logged") + (result.EstimateHours is { } e ? string.Create(CultureInfo.InvariantCulture, $" of {e:0.##} h estimated") : string.Empty));
        ToolText.Field(text, "Part of project", result.ParentId is { } parent ? $"#{parent}" : null);
        ToolText.Field(text, "Details", result.Details);
        return text.ToString().TrimEnd();
    }
}
