namespace HaloMcp.Grains.Assets;

/// <summary>A new asset for the client whose grain receives it.</summary>
/// <param name="AssetTypeId">The type.</param>
/// <param name="SiteId">The site.</param>
/// <param name="InventoryNumber">Inventory number.</param>
/// <param name="KeyField">Main key field.</param>
/// <param name="KeyField2">Second key field.</param>
/// <param name="KeyField3">Third key field.</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.CreateAssetCommand")]
public sealed record CreateAssetCommand(
    int AssetTypeId,
    int? SiteId,
    string? InventoryNumber,
    string? KeyField,
    string? KeyField2,
    string? KeyField3);
