namespace HaloMcp.Silo.Cluster;

/// <summary>
/// Serialises writes to one HaloPSA entity across the nodes of a cluster. On one node the entity's grain turn
/// already does this; the lock extends it to every node (PostgreSQL advisory locks, released when a node dies).
/// </summary>
public interface IEntityLock
{
    /// <summary>Waits for the lock on <paramref name="key"/>; dispose the result to release it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
