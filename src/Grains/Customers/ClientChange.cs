namespace HaloMcp.Grains.Customers;

/// <summary>A change to one client that HaloMcp learnt from a webhook, for its grain to apply to its caches.</summary>
/// <param name="Client">The client as HaloPSA sent it, when the change carries it.</param>
/// <param name="ClientDeleted">Whether the client was deleted.</param>
/// <param name="SitesChanged">Whether one of its sites was created, changed or deleted.</param>
[GenerateSerializer, Immutable, Alias("halo.Customers.ClientChange")]
public sealed record ClientChange(ClientCopy? Client, bool ClientDeleted = false, bool SitesChanged = false);
