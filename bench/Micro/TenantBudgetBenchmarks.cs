using BenchmarkDotNet.Attributes;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Cluster;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// One permit from <see cref="TenantBudget.AcquireAsync"/> with <see cref="InMemoryRequestBudgetStore"/>: budget 300 per
/// 300 s, the clock moving 2 s per read so the window always holds about 150 grants and a permit is always free (the
/// uncontended path every upstream request takes).
/// </summary>
public class TenantBudgetBenchmarks : IDisposable
{
    private TenantBudget _budget = null!;
    private DateTimeOffset _deadline;

    [GlobalSetup]
    public void Setup()
    {
        var budget = new RequestBudget(300, TimeSpan.FromSeconds(300));
        _budget = new TenantBudget("bench", () => budget, new InMemoryRequestBudgetStore(), new SteppingClock(TimeSpan.FromSeconds(2)), new BudgetEnforcementOptions());
        _deadline = DateTimeOffset.MaxValue;
    }

    [GlobalCleanup]
    public void Dispose() => _budget?.Dispose();

    [Benchmark(Description = "TenantBudget.AcquireAsync (permit free)")]
    public ValueTask Acquire() => _budget.AcquireAsync(_deadline, CancellationToken.None);
}
