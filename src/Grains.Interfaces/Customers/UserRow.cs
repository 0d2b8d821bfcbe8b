namespace HaloMcp.Grains.Customers;

/// <summary>An end user (contact) in a list.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Name">The name.</param>
/// <param name="Email">Email.</param>
/// <param name="PhoneNumber">Phone.</param>
/// <param name="ClientId">The client; left out of the rows of a list filtered by client, where every row would repeat it.</param>
/// <param name="ClientName">The client's name; left out with <paramref name="ClientId"/>.</param>
/// <param name="SiteId">The site.</param>
/// <param name="SiteName">The site's name.</param>
/// <param name="Inactive">Whether it is inactive.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.UserRow")]
public sealed record UserRow(
    int Id,
    string Name,
    string? Email,
    string? PhoneNumber,
    int? ClientId,
    string? ClientName,
    int? SiteId,
    string? SiteName,
    bool Inactive);
