namespace HaloMcp.Grains.Assets;

/// <summary>Filters and paging for assets.</summary>
/// <param name="ClientId">Only this client's assets.</param>
/// <param name="SiteId">Only this site's assets.</param>
/// <param name="AssetTypeId">Only this type.</param>
/// <param name="Search">Inventory number or key field contains.</param>
/// <param name="Page">1-based page.</param>
/// <param name="PageSize">Rows per page (1 to 100).</param>
[GenerateSerializer, Immutable, Alias("halo.Assets.AssetQuery")]
public sealed record AssetQuery(
    int? ClientId,
    int? SiteId,
    int? AssetTypeId,
    string? Search,
    int Page,
    int PageSize);
