using HaloMcp.Grains.Assets;
using HaloMcp.Grains.HaloPsa.Model;

namespace HaloMcp.Grains.Mapping;

/// <summary>Maps HaloPSA assets to the records the grains hand out.</summary>
public static class AssetMapper
{
    /// <summary>An asset in a list.</summary>
    public static AssetRow ToRow(HaloAsset a) => new(
        a.Id, PlainText.OrNull(a.InventoryNumber), PlainText.OrNull(a.KeyField), PlainText.Id(a.AssetTypeId), PlainText.OrNull(a.AssetTypeName),
        PlainText.Id(a.ClientId), PlainText.OrNull(a.ClientName), PlainText.Id(a.SiteId), PlainText.OrNull(a.SiteName), PlainText.OrNull(a.StatusName), a.Inactive);

    /// <summary>One asset with its populated fields, and its linked tickets when they were read.</summary>
    public static AssetDetail ToDetail(HaloAsset a, IReadOnlyList<LinkedTicket>? linkedTickets) => new(
        a.Id, PlainText.OrNull(a.InventoryNumber), PlainText.OrNull(a.KeyField), PlainText.OrNull(a.KeyField2), PlainText.OrNull(a.KeyField3),
        PlainText.Id(a.AssetTypeId), PlainText.OrNull(a.AssetTypeName), PlainText.Id(a.ClientId), PlainText.OrNull(a.ClientName),
        PlainText.Id(a.SiteId), PlainText.OrNull(a.SiteName), PlainText.OrNull(a.StatusName), a.Inactive, a.WarrantyEnd,
        PlainText.OrNull(a.ContractRef), PlainText.Of(a.Notes, 2_000),
        [.. (a.Fields ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Value)).Take(40)
            .Select(f => new AssetField(f.Name ?? $"field {f.Id}", PlainText.Of(f.Value, 500)))],
        a.Username is { Length: > 0 } user ? [user] : [],
        linkedTickets);
}
