using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_teams</c>: List teams (served from the tenant's cache).</summary>
public sealed class ListTeamsTool() : HaloTool<ItemList<TeamInfo>>(
    "halopsa_list_teams",
    "List teams",
    "Lists the tenant's active teams of agents with their ids.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListTeamInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<TeamInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<TeamInfo>.Of(await context.Tenant.GetTeamsAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<TeamInfo> result) => ToolText.List("teams", result.Items, t => ToolText.Join($"#{t.Id} {t.Name}", t.Department, t.Inactive ? "inactive" : null));
}
