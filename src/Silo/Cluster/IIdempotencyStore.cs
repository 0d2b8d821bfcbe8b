namespace HaloMcp.Silo.Cluster;

/// <summary>
/// Remembers creates for a window so that the same create sent twice makes one upstream POST. Keys are derived
/// from the tenant, the operation and its canonicalised arguments.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for the caller unless a live record exists; records expire
    /// <paramref name="window"/> after they are claimed.
    /// </summary>
    ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the result of a claimed operation.</summary>
    ValueTask CompleteAsync(string key, string result, CancellationToken cancellationToken);

    /// <summary>Records that a claimed operation may or may not have been applied; repeats must not be sent.</summary>
    ValueTask MarkOutcomeUnknownAsync(string key, CancellationToken cancellationToken);

    /// <summary>Drops a claim whose operation provably did not happen, so that it can be tried again.</summary>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
