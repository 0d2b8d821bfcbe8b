namespace HaloMcp.Grains.Assets;

/// <summary>A new asset.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="AssetTypeId">The type.</param>
/// <param name="SiteId">The site.</param>
/// <param name="InventoryNumber">Inventory number.</param>
/// <param name="KeyField">Main key field.</param>
/// <param name="KeyField2">Second key field.</param>
/// <param name="KeyField3">Third key field.</param>
public sealed record CreateAssetCommand(
    int ClientId,
    int AssetTypeId,
    int? SiteId,
    string? InventoryNumber,
    string? KeyField,
    string? KeyField2,
    string? KeyField3);
