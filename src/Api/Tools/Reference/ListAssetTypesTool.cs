using HaloMcp.Grains.Reference;

namespace HaloMcp.Api.Tools.Reference;

/// <summary><c>halopsa_list_asset_types</c>: List asset types (served from the tenant's cache).</summary>
public sealed class ListAssetTypesTool() : HaloTool<ItemList<AssetTypeInfo>>(
    "halopsa_list_asset_types",
    "List asset types",
    "Lists the tenant's asset types with their ids, groups and what their main key field means.",
    ToolKind.Read,
    [],
    HaloToolJsonContext.Default.ItemListAssetTypeInfo)
{
    /// <inheritdoc />
    protected override async Task<ItemList<AssetTypeInfo>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<AssetTypeInfo>.Of(await context.Tenant.GetAssetTypesAsync(cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<AssetTypeInfo> result) => ToolText.List("asset types", result.Items, t => ToolText.Join($"#{t.Id} {t.Name}", t.Group, t.KeyFieldName is null ? null : $"key field: {t.KeyFieldName}"));
}
