using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_agents</c>: the tenant's agents (served from the tenant's cache).</summary>
public sealed class ListAgentsTool() : HaloTool<ItemList<AgentInfo>>(
    "halopsa_list_agents",
    "List agents",
    "Lists the tenant's agents (technicians) with their ids and teams; optionally one team's, by name or email, or including disabled agents.",
    ToolKind.Read,
    [
        Arg.Id("team_id", "Only members of this team."),
        Arg.Flag("include_inactive", "Include disabled agents.", false),
        Arg.Text("search", "Name or email contains this text."),
    ],
    HaloToolJsonContext.Default.ItemListAgentInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<AgentInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<AgentInfo>.Of(await context.Tenant.GetAgentsAsync(
            new AgentQuery(arguments.Int("team_id"), arguments.Flag("include_inactive"), arguments.Text("search")), cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<AgentInfo> result) =>
        ToolText.List("agents", result.Items, a => ToolText.Join($"#{a.Id} {a.Name}", a.Email, a.Team, a.IsDisabled ? "disabled" : null));
}
