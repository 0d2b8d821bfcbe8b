namespace HaloMcp.Grains.Customers;

/// <summary>One site.</summary>
/// <param name="Id">The site id.</param>
/// <param name="Name">The name.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClientName">The client's name.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="PhoneNumber">Phone number.</param>
/// <param name="Timezone">Time zone.</param>
/// <param name="Address">Delivery address lines.</param>
/// <param name="MainContactId">Main contact.</param>
/// <param name="MainContactName">Main contact's name.</param>
/// <param name="Notes">Notes (plain, capped).</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.SiteDetail")]
public sealed record SiteDetail(
    int Id,
    string Name,
    int ClientId,
    string? ClientName,
    bool Inactive,
    string? PhoneNumber,
    string? Timezone,
    IReadOnlyList<string> Address,
    int? MainContactId,
    string? MainContactName,
    string? Notes);
