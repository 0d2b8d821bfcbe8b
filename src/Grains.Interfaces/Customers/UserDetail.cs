namespace HaloMcp.Grains.Customers;

/// <summary>One end user (contact).</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The name.</param>
/// <param name="FirstName">First name.</param>
/// <param name="Surname">Surname.</param>
/// <param name="Email">Email.</param>
/// <param name="PhoneNumber">Phone.</param>
/// <param name="MobileNumber">Mobile.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="IsImportantContact">Whether flagged as an important contact.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="Notes">Notes (plain, capped).</param>
/// <param name="FromCache">On reads: whether it was served from HaloMcp's cache rather than read from HaloPSA now.</param>
/// <param name="AgeSeconds">On reads: how many seconds ago the copy served was known to be current in HaloPSA.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.UserDetail")]
public sealed record UserDetail(
    int Id,
    string Name,
    string? FirstName,
    string? Surname,
    string? Email,
    string? PhoneNumber,
    string? MobileNumber,
    string? JobTitle,
    int? ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    bool IsImportantContact,
    bool Inactive,
    string? Notes,
    bool? FromCache = null,
    int? AgeSeconds = null);
