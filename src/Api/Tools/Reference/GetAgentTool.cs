using System.Globalization;
using System.Text;
using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_get_agent</c>: one agent.</summary>
public sealed class GetAgentTool() : HaloTool<AgentDetail>(
    "halopsa_get_agent",
    "Get an agent",
    "Reads one HaloPSA agent (technician): email, job title, phone, teams and roles.",
    ToolKind.Read,
    [Arg.Id("agent_id", "The agent's id.", required: true)],
    HaloToolJsonContext.Default.AgentDetail)
{
    /// <inheritdoc />
    protected override Task<AgentDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Tenant.GetAgentAsync(arguments.RequiredInt("agent_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(AgentDetail result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Agent #{result.Id}: {result.Name}{(result.IsDisabled ? " (disabled)" : string.Empty)}");
        ToolText.Field(text, "Email", result.Email);
        ToolText.Field(text, "Job title", result.JobTitle);
        ToolText.Field(text, "Phone", result.Phone);
        ToolText.Field(text, "Teams", string.Join(", ", result.Teams));
        ToolText.Field(text, "Roles", string.Join(", ", result.Roles));
        ToolText.Field(text, "API agent", result.IsApiAgent ? "yes" : null);
        return text.ToString().TrimEnd();
    }
}
