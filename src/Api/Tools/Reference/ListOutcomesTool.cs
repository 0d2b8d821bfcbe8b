using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_outcomes</c>: List action outcomes (served from the tenant's cache).</summary>
public sealed class ListOutcomesTool() : HaloTool<ItemList<OutcomeInfo>>(
    "halopsa_list_outcomes",
    "List action outcomes",
    "Lists the outcomes an action can have (what halopsa_add_ticket_action accepts as outcome), with their ids.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListOutcomeInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<OutcomeInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<OutcomeInfo>.Of(await context.Tenant.GetOutcomesAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<OutcomeInfo> result) => ToolText.List("outcomes", result.Items, o => ToolText.Join($"#{o.Id} {o.Name}", o.HiddenFromUser ? "hidden from user by default" : null));
}
