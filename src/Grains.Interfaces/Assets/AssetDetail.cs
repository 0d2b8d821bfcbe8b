namespace HaloMcp.Grains.Assets;

/// <summary>One asset with its associations.</summary>
/// <param name="Id">The asset id.</param>
/// <param name="InventoryNumber">Inventory number.</param>
/// <param name="KeyField">Main key field.</param>
/// <param name="KeyField2">Second key field.</param>
/// <param name="KeyField3">Third key field.</param>
/// <param name="AssetTypeId">The type.</param>
/// <param name="AssetTypeName">The type name.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="StatusName">Its status.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="WarrantyEnd">Warranty end (UTC).</param>
/// <param name="ContractRef">The contract it is covered by.</param>
/// <param name="Notes">Notes (plain, capped).</param>
/// <param name="Fields">Its populated fields.</param>
/// <param name="Users">Users assigned to it.</param>
/// <param name="LinkedTickets">Tickets linked to it, newest first, capped; only when asked for.</param>
/// <param name="FromCache">On reads: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">On reads: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.AssetDetail")]
public sealed record AssetDetail(
    int Id,
    string? InventoryNumber,
    string? KeyField,
    string? KeyField2,
    string? KeyField3,
    int? AssetTypeId,
    string? AssetTypeName,
    int? ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    string? StatusName,
    bool Inactive,
    DateTimeOffset? WarrantyEnd,
    string? ContractRef,
    string? Notes,
    IReadOnlyList<AssetField> Fields,
    IReadOnlyList<string> Users,
    IReadOnlyList<LinkedTicket>? LinkedTickets,
    bool? FromCache = null,
    int? AgeSeconds = null);
