using HaloMcp.Grains.Ops;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace HaloMcp.Silo.Ops;

/// <summary>
/// Asks every active silo's <see cref="ISiloOpsService"/> and merges the answers. A stateless worker: it holds nothing,
/// runs on the silo that took the call, and a silo that does not answer within <see cref="SiloAnswerTimeout"/> is left
/// out (and logged) rather than holding the page up for Orleans' response timeout.
/// </summary>
[StatelessWorker]
internal sealed partial class OpsGrain(ISiloOpsServiceClient silos, ILogger<OpsGrain> logger) : Grain, IOpsGrain
{
    private static readonly TimeSpan SiloAnswerTimeout = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<TenantActivity>> GetTenantActivityAsync(CancellationToken cancellationToken)
    {
        var answers = await AskEverySiloAsync(s => s.GetTenantActivityAsync(), cancellationToken);
        return [.. answers.SelectMany(a => a).GroupBy(a => a.TenantId, StringComparer.Ordinal).Select(g => OpsMerge.Tenant(g.ToList()))];
    }

    public async Task<IReadOnlyList<BudgetHistory>> GetBudgetHistoryAsync(IReadOnlyList<string> tenantIds, CancellationToken cancellationToken)
    {
        var answers = await AskEverySiloAsync(s => s.GetBudgetHistoryAsync(tenantIds), cancellationToken);
        return [.. answers.SelectMany(a => a).GroupBy(h => h.TenantId, StringComparer.Ordinal).Select(g => OpsMerge.History(g.ToList()))];
    }

    public async Task<ClusterOverview> GetClusterAsync(CancellationToken cancellationToken)
    {
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = (await management.GetDetailedHosts(onlyActive: false, cancellationToken)).Where(h => h.Status != SiloStatus.Dead).ToList();
        var active = hosts.Where(h => h.Status == SiloStatus.Active).Select(h => h.SiloAddress).ToArray();
        var statistics = active.Length == 0 ? [] : await management.GetSimpleGrainStatistics(active, cancellationToken);
        var perSilo = statistics.GroupBy(s => s.SiloAddress).ToDictionary(g => g.Key, g => g.Sum(s => (long)s.ActivationCount));
        var silosOverview = hosts
            .OrderBy(h => h.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(h => new SiloOverview(h.SiloAddress.ToParsableString(), h.SiloName, h.HostName, h.Status.ToString(), perSilo.GetValueOrDefault(h.SiloAddress)))
            .ToList();
        var types = statistics
            .Where(s => s.ActivationCount > 0)
            .GroupBy(s => s.GrainType.Split(',', 2)[0], StringComparer.Ordinal)
            .Select(g => new GrainTypeOverview(g.Key, g.Sum(s => (long)s.ActivationCount), g.Select(s => s.SiloAddress).Distinct().Count()))
            .OrderByDescending(t => t.Activations)
            .ThenBy(t => t.GrainType, StringComparer.Ordinal)
            .ToList();
        return new ClusterOverview(silosOverview, types);
    }

    private async Task<IReadOnlyList<T>> AskEverySiloAsync<T>(Func<ISiloOpsService, Task<T>> ask, CancellationToken cancellationToken)
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
        var calls = hosts.Keys.Select(async silo =>
        {
            try
            {
                return (Answered: true, Value: await ask(silos.On(silo)).WaitAsync(SiloAnswerTimeout, cancellationToken));
            }
            catch (Exception ex) when (ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                LogSiloSilent(logger, silo.ToString(), ex.GetType().Name);
                return (Answered: false, Value: default(T)!);
            }
        });
        var answers = await Task.WhenAll(calls);
        return [.. answers.Where(a => a.Answered).Select(a => a.Value)];
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Silo {Silo} gave the operations page no metrics ({Failure}); its tenants' figures are left out")]
    private static partial void LogSiloSilent(ILogger logger, string silo, string failure);
}
