namespace HaloMcp.Grains.Customers;

/// <summary>
/// What the grains tell a client grain about its client (internal to the grains: the Api never calls it). It touches
/// memory only, so it interleaves with a create in flight.
/// </summary>
[Alias("halo.IClientCache")]
public interface IClientCache : IGrainWithIntegerCompoundKey
{
    /// <summary>Applies <paramref name="change"/>; answers whether a cached copy was replaced or dropped.</summary>
    [AlwaysInterleave]
    [Alias("Apply")]
    Task<bool> ApplyAsync(ClientChange change);
}
