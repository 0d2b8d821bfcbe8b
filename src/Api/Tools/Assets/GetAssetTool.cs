using HaloMcp.Grains.Assets;

namespace HaloMcp.Api.Tools.Assets;

/// <summary><c>halopsa_get_asset</c>: one asset with its associations.</summary>
public sealed class GetAssetTool() : HaloTool<AssetDetail>(
    "halopsa_get_asset",
    "Get an asset",
    "Reads one HaloPSA asset with its associations: type, client, site, users, populated fields, warranty, contract and linked tickets.",
    ToolKind.Read,
    [Arg.Id("asset_id", "The asset's id.", required: true)],
    HaloToolJsonContext.Default.AssetDetail)
{
    /// <inheritdoc />
    protected override Task<AssetDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.GetAssetAsync(arguments.RequiredInt("asset_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(AssetDetail result) => AssetText.Detail(result);
}
