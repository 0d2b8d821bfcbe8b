namespace HaloMcp.Grains.Customers;

/// <summary>A client in a list.</summary>
/// <param name="Id">The client id.</param>
/// <param name="Name">The name.</param>
/// <param name="Inactive">Whether it is inactive.</param>
/// <param name="TopLevelName">Its top level.</param>
/// <param name="Website">Website.</param>
/// <param name="MainSiteName">Its main site.</param>
/// <param name="OpenTicketCount">Open tickets, when HaloPSA reports it.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.ClientRow")]
public sealed record ClientRow(
    int Id,
    string Name,
    bool Inactive,
    string? TopLevelName,
    string? Website,
    string? MainSiteName,
    int? OpenTicketCount);
