using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_statuses</c>: List ticket statuses (served from the tenant's cache).</summary>
public sealed class ListStatusesTool() : HaloTool<ItemList<StatusInfo>>(
    "halopsa_list_statuses",
    "List ticket statuses",
    "Lists the tenant's ticket statuses with their ids, and which of them count as closed. Use the ids with halopsa_list_tickets and halopsa_update_ticket.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListStatusInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<StatusInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<StatusInfo>.Of(await context.Tenant.GetStatusesAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<StatusInfo> result) => ToolText.List("statuses", result.Items, s => ToolText.Join($"#{s.Id} {s.Name}", s.IsClosed ? "closed" : "open"));
}
