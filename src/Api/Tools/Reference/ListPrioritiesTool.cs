using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_priorities</c>: List priorities (served from the tenant's cache).</summary>
public sealed class ListPrioritiesTool() : HaloTool<ItemList<PriorityInfo>>(
    "halopsa_list_priorities",
    "List priorities",
    "Lists the tenant's priorities with the ids tickets carry as priority_id, and their SLA response and fix targets.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListPriorityInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<PriorityInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<PriorityInfo>.Of(await context.Tenant.GetPrioritiesAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<PriorityInfo> result) => ToolText.List("priorities", result.Items, p => ToolText.Join($"#{p.PriorityId} {p.Name}", p.ResponseHours is { } r ? $"respond {r:0.##} h" : null, p.FixHours is { } f ? $"fix {f:0.##} h" : null));
}
