namespace HaloMcp.Grains.Customers;

/// <summary>A site in a list.</summary>
/// <param name="Id">The site id.</param>
/// <param name="Name">The name.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="PhoneNumber">Phone number.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.SiteRow")]
public sealed record SiteRow(
    int Id,
    string Name,
    int ClientId,
    string? ClientName,
    bool Inactive,
    string? PhoneNumber);
