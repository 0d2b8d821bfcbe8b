namespace HaloMcp.Grains.Customers;

/// <summary>
/// A client as a client grain caches it (without sites), and the time that orders copies: when it was read, or when
/// the change a webhook carried it for happened. HaloPSA's client records carry no last-update time of their own.
/// </summary>
/// <param name="Detail">The client, without sites.</param>
/// <param name="Version">When this state was known to be HaloPSA's.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.ClientCopy")]
public sealed record ClientCopy(ClientDetail Detail, DateTimeOffset Version);
