using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Paging;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Assets;

/// <summary>Assets: devices, licences, configuration items.</summary>
[McpServerToolType]
public sealed class AssetTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_assets", Title = "List assets", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists assets (devices, licences...).")]
    public Task<PagedResult<AssetRow>> ListAssets(
        [Range(1, int.MaxValue)] int? client_id = null,
        [Range(1, int.MaxValue)] int? site_id = null,
        [Description("See halopsa_list_asset_types."), Range(1, int.MaxValue)] int? assettype_id = null,
        [Description("Text in inventory number or key fields.")] string? search = null,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Customers.ListAssetsAsync(new AssetQuery(client_id, site_id, assettype_id, search, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_asset", Title = "Get an asset", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one asset (with its linked tickets when asked).")]
    public Task<AssetDetail> GetAsset(
        [Range(1, int.MaxValue)] int asset_id,
        bool include_tickets = false,
        CancellationToken cancellationToken = default) =>
        grains.Customers.GetAssetAsync(asset_id, include_tickets, cancellationToken);

    [McpServerTool(Name = "halopsa_create_asset", Title = "Create an asset", Destructive = false, UseStructuredContent = true)]
    [Description("Creates an asset; repeated within 10 minutes, it returns the first.")]
    public Task<AssetDetail> CreateAsset(
        [Range(1, int.MaxValue)] int client_id,
        [Range(1, int.MaxValue)] int assettype_id,
        [Range(1, int.MaxValue)] int? site_id = null,
        [Description("Inventory number (asset tag).")] string? inventory_number = null,
        [Description("Main key field, e.g. host name.")] string? key_field = null,
        string? key_field2 = null,
        string? key_field3 = null,
        CancellationToken cancellationToken = default) =>
        grains.Client(client_id).CreateAssetAsync(
            new CreateAssetCommand(assettype_id, site_id, inventory_number, key_field, key_field2, key_field3),
            cancellationToken);
}
