namespace HaloMcp.Grains.Assets;

/// <summary>An asset in a list.</summary>
/// <param name="Id">The asset id.</param>
/// <param name="InventoryNumber">Inventory number (asset tag).</param>
/// <param name="KeyField">The main key field (e.g. host name).</param>
/// <param name="AssetTypeId">The type.</param>
/// <param name="AssetTypeName">The type name.</param>
/// <param name="ClientId">The client; left out of the rows of a list filtered by client, where every row would repeat it.</param>
/// <param name="ClientName">The client's name; left out with <paramref name="ClientId"/>.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="StatusName">Its status.</param>
/// <param name="Inactive">Whether it is inactive.</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.AssetRow")]
public sealed record AssetRow(
    int Id,
    string? InventoryNumber,
    string? KeyField,
    int? AssetTypeId,
    string? AssetTypeName,
    int? ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    string? StatusName,
    bool Inactive);
