using HaloMcp.Grains.Assets;

namespace HaloMcp.Api.Tools.Assets;

/// <summary><c>halopsa_create_asset</c>: a new asset for a client.</summary>
public sealed class CreateAssetTool() : HaloTool<AssetDetail>(
    "halopsa_create_asset",
    "Create an asset",
    "Creates a HaloPSA asset for a client. Sending the same asset again within 10 minutes returns the first one instead of creating a duplicate. The key fields mean what the asset type says (see halopsa_list_asset_types).",
    ToolKind.Create,
    [
        Arg.Id("client_id", "The client that owns it.", required: true),
        Arg.Id("assettype_id", "Its asset type.", required: true),
        Arg.Id("site_id", "The client's site where it is."),
        Arg.Text("inventory_number", "Inventory number (asset tag)."),
        Arg.Text("key_field", "The type's main key field (e.g. host name)."),
        Arg.Text("key_field2", "The type's second key field."),
        Arg.Text("key_field3", "The type's third key field."),
    ],
    HaloToolJsonContext.Default.AssetDetail)
{
    /// <inheritdoc />
    protected override Task<AssetDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken)
    {
        var clientId = arguments.RequiredInt("client_id");
        return context.Client(clientId).CreateAssetAsync(
            new CreateAssetCommand(arguments.RequiredInt("assettype_id"), arguments.Int("site_id"), arguments.Text("inventory_number"),
                arguments.Text("key_field"), arguments.Text("key_field2"), arguments.Text("key_field3")),
            cancellationToken);
    }

    /// <inheritdoc />
    protected override string Render(AssetDetail result) => "Created. " + AssetText.Detail(result);
}
