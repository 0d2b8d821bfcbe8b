using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Silo.Cluster;

/// <summary>
/// Holds each tenant's record of upstream permits so that every node of a cluster draws on one budget.
/// </summary>
/// <remarks>
/// The invariant the store enforces is exact: a permit is granted only when fewer than <c>N</c> permits were
/// granted in the preceding window <c>W</c> (a sliding-window log). A token bucket meets the same invariant only
/// with capacity + refill x W &lt;= N, which caps the sustained rate below N per W; HaloPSA's budget is scarce, so
/// we keep the whole of it. Implementations must make <see cref="TryTakeAsync"/> atomic per key.
/// </remarks>
public interface IRequestBudgetStore
{
    /// <summary>Takes one permit for <paramref name="key"/> at <paramref name="now"/> if the window has room.</summary>
    ValueTask<BudgetDecision> TryTakeAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Refuses every permit for <paramref name="key"/> until <paramref name="until"/> (HaloPSA answered 429).</summary>
    ValueTask PauseAsync(string key, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>How many permits the window ending at <paramref name="now"/> holds, and any pause in force.</summary>
    ValueTask<BudgetUsage> GetUsageAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets <paramref name="key"/> if nothing of it still counts: every grant has left the window and no pause is in
    /// force. Called when a tenant goes idle, so that idle tenants cost no memory; returns whether it was forgotten.
    /// </summary>
    ValueTask<bool> ForgetIfIdleAsync(string key, RequestBudget budget, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="key"/> (its tenant was removed).</summary>
    ValueTask ForgetAsync(string key, CancellationToken cancellationToken);
}
