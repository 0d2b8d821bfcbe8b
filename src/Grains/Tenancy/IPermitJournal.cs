namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The durable side of a tenant's budget: permits are handed out only while a durable reservation covers them, so that
/// an activation that takes over after a silo's death knows every permit that may have been used (see
/// <see cref="PermitJournal"/>). <see cref="TenantBudget"/> calls it on the tenant grain's scheduler, one reservation at a
/// time.
/// </summary>
public interface IPermitJournal
{
    /// <summary>Permits the last reservation covers that have not been handed out.</summary>
    int Available { get; }

    /// <summary>
    /// Durably reserves <paramref name="count"/> permits from <paramref name="now"/> on (releasing what is left of the last
    /// reservation), forgetting what was spent at or before <paramref name="windowStart"/>. Only when the returned task
    /// completes may the permits be handed out.
    /// </summary>
    Task ReserveAsync(int count, DateTimeOffset now, DateTimeOffset windowStart, DateTimeOffset? pausedUntil);

    /// <summary>One reserved permit was handed out at <paramref name="at"/>.</summary>
    void Spend(DateTimeOffset at);
}
