namespace HaloMcp.Grains.Storage;

/// <summary>
/// The names of the Orleans grain storage providers HaloMcp's grains keep state in
/// (<c>[PersistentState("...", HaloStorage.State)]</c>). In the embedded mode both are in memory (they outlive an
/// activation, not the process); in cluster mode both are in Redis, so that a silo's death loses nothing written.
/// </summary>
public static class HaloStorage
{
    /// <summary>
    /// State that must outlive activations and silos and has no natural end: the tenant grain's budget journal, and
    /// whatever durable per-tenant state other features keep. Never expires.
    /// </summary>
    public const string State = "halo-state";

    /// <summary>
    /// Write-ahead records of writes that must not happen twice (idempotent creates and notes). In Redis each record
    /// expires a while after its idempotency window (<c>Caching:IdempotencyWindow</c>), when it no longer counts.
    /// </summary>
    public const string WriteAhead = "halo-writes";
}
