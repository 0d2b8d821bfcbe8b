using HaloMcp.Grains;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.Ops;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Ops;

/// <summary>
/// Gathers <c>/ops</c>: the silos' merged metrics and the cluster from <see cref="IOpsGrain"/>, and the live budget of
/// every tenant that had a permit within its window from its tenant grain. That grain keeps itself active while its
/// window holds grants, so asking it activates nothing; a tenant with no permit in its window has nothing in it.
/// </summary>
internal sealed class OpsOverviewReader(IGrainFactory grains, ITenantDirectory directory, TimeProvider time)
{
    /// <summary>How many tenants (busiest first) get a chart of the last hour.</summary>
    public const int ChartedTenants = 10;

    public async Task<OpsOverview> ReadAsync(CancellationToken cancellationToken)
    {
        var ops = grains.GetGrain<IOpsGrain>(0);
        var activityCall = ops.GetTenantActivityAsync(cancellationToken);
        var clusterCall = ops.GetClusterAsync(cancellationToken);
        var activity = await activityCall;
        var now = time.GetUtcNow();
        var rows = await Task.WhenAll(activity.Select(a => RowAsync(a, now, cancellationToken)));
        var ordered = rows
            .OrderByDescending(r => r.Use ?? 0)
            .ThenByDescending(r => r.Activity.LastPermitAt ?? DateTimeOffset.MinValue)
            .ThenByDescending(r => r.Activity.LastSeen)
            .ThenBy(r => r.Activity.TenantId, StringComparer.Ordinal)
            .ToList();

        var charted = ordered.Where(r => r.Activity.Permits > 0).Take(ChartedTenants).Select(r => r.Activity.TenantId).ToList();
        if (charted.Count > 0)
        {
            var histories = (await ops.GetBudgetHistoryAsync(charted, cancellationToken)).ToDictionary(h => h.TenantId, StringComparer.Ordinal);
            ordered = [.. ordered.Select(r => histories.TryGetValue(r.Activity.TenantId, out var h) ? r with { History = h } : r)];
        }

        return new OpsOverview(ordered, await clusterCall, now);
    }

    private async Task<TenantOpsRow> RowAsync(TenantActivity activity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var budget = directory.Find(activity.TenantId)?.EffectiveBudget;
        var window = budget?.Window ?? RequestBudget.Default.Window;

        // The enforced window is a little longer than the configured one (the skew margin): a minute's slack covers it.
        if (activity.LastPermitAt is { } last && last > now - window - TimeSpan.FromMinutes(1))
        {
            try
            {
                var status = await grains.GetGrain<ITenantGrain>(activity.TenantId).GetBudgetStatusAsync(cancellationToken);
                return new TenantOpsRow(activity, status.Limit, status.WindowSeconds, status.InWindow, status.Waiting, status.PausedUntil, null);
            }
            catch (HaloOperationException)
            {
                // No longer configured: its counters still show, its budget no more.
            }
        }

        return new TenantOpsRow(activity, budget?.Requests, budget?.Window.TotalSeconds, 0, 0, null, null);
    }
}
