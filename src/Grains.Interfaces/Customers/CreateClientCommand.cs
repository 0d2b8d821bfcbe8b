namespace HaloMcp.Grains.Customers;

/// <summary>A new client.</summary>
/// <param name="Name">The name.</param>
/// <param name="Website">Website.</param>
/// <param name="PhoneNumber">Phone number.</param>
/// <param name="Notes">Notes.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.CreateClientCommand")]
public sealed record CreateClientCommand(
    string Name,
    string? Website,
    string? PhoneNumber,
    string? Notes);
