namespace HaloMcp.Silo.Cluster;

/// <summary>
/// Shares each tenant's HaloPSA access token between the nodes of a cluster, so that a tenant costs one token
/// request per lifetime, not one per node.
/// </summary>
public interface ISharedTokenStore
{
    /// <summary>The token stored for <paramref name="key"/>, or null.</summary>
    ValueTask<SharedToken?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="token"/> for <paramref name="key"/>, replacing what was there.</summary>
    ValueTask SetAsync(string key, SharedToken token, CancellationToken cancellationToken);

    /// <summary>Removes the token for <paramref name="key"/> only if it is still <paramref name="rejected"/>.</summary>
    /// <remarks>Conditional, so that a node that saw a 401 cannot throw away a fresh token another node just stored.</remarks>
    ValueTask RemoveIfAsync(string key, string rejected, CancellationToken cancellationToken);
}
