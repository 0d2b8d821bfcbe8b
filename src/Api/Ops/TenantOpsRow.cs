using HaloMcp.Grains.Ops;

namespace HaloMcp.Api.Ops;

/// <summary>One tenant as <c>/ops</c> shows it: its counters and, where it had a permit lately, its budget now.</summary>
/// <param name="Activity">Its counters, merged over the silos.</param>
/// <param name="Limit">N of its budget, when the tenant is known.</param>
/// <param name="WindowSeconds">W of its budget as enforced (with the skew margin when its grain said so).</param>
/// <param name="InWindow">Requests in the current rolling window.</param>
/// <param name="Waiting">Callers waiting for a permit now.</param>
/// <param name="PausedUntil">Until when a 429 pauses it, if it does.</param>
/// <param name="History">Its permits over the last hour, for the tenants charted.</param>
internal sealed record TenantOpsRow(
    TenantActivity Activity,
    int? Limit,
    double? WindowSeconds,
    int InWindow,
    int Waiting,
    DateTimeOffset? PausedUntil,
    BudgetHistory? History)
{
    /// <summary>The current window's use as a fraction of the budget, when the budget is known.</summary>
    public double? Use => Limit is > 0 ? InWindow / (double)Limit : null;
}
