using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Assets;

/// <summary><c>halopsa_list_assets</c>: one page of assets.</summary>
public sealed class ListAssetsTool() : HaloTool<PagedResult<AssetRow>>(
    "halopsa_list_assets",
    "List assets",
    "Lists HaloPSA assets (devices, licences, configuration items), optionally one client's or site's, one asset type's, or by inventory number or key field.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's assets."),
        Arg.Id("site_id", "Only this site's assets."),
        Arg.Id("assettype_id", "Only this asset type (see halopsa_list_asset_types)."),
        Arg.Text("search", "Inventory number or key field contains this text."),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultAssetRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<AssetRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.ListAssetsAsync(
            new AssetQuery(arguments.Int("client_id"), arguments.Int("site_id"), arguments.Int("assettype_id"), arguments.Text("search"),
                arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<AssetRow> result) => ToolText.Page("Assets", result, AssetText.Row);
}
