namespace HaloMcp.Grains.Customers;

/// <summary>One client, with its sites when asked.</summary>
/// <param name="Id">The client id.</param>
/// <param name="Name">The name.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="TopLevelName">Its top level.</param>
/// <param name="Website">Website.</param>
/// <param name="PhoneNumber">Phone number.</param>
/// <param name="Notes">Notes (plain, capped).</param>
/// <param name="MainSiteId">The main site.</param>
/// <param name="MainSiteName">The main site's name.</param>
/// <param name="IsVip">Whether it is a VIP client.</param>
/// <param name="Sites">Its sites, when asked for.</param>
/// <param name="FromCache">On reads: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">On reads: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.ClientDetail")]
public sealed record ClientDetail(
    int Id,
    string Name,
    bool Inactive,
    string? TopLevelName,
    string? Website,
    string? PhoneNumber,
    string? Notes,
    int? MainSiteId,
    string? MainSiteName,
    bool IsVip,
    IReadOnlyList<SiteRow>? Sites,
    bool? FromCache = null,
    int? AgeSeconds = null);
