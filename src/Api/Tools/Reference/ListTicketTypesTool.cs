using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_ticket_types</c>: List ticket types (served from the tenant's cache).</summary>
public sealed class ListTicketTypesTool() : HaloTool<ItemList<TicketTypeInfo>>(
    "halopsa_list_ticket_types",
    "List ticket types",
    "Lists the tenant's ticket types (incident, service request ...) with their ids.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListTicketTypeInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<TicketTypeInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<TicketTypeInfo>.Of(await context.Tenant.GetTicketTypesAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<TicketTypeInfo> result) => ToolText.List("ticket types", result.Items, t => ToolText.Join($"#{t.Id} {t.Name}", t.Group, t.AgentsCanSelect ? null : "not selectable by agents"));
}
