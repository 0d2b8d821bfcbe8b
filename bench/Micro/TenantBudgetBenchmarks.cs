using BenchmarkDotNet.Attributes;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Bench.Micro;

/// <summary>
/// One permit from <see cref="TenantBudget.AcquireAsync"/> (its grant log in the tenant grain's memory): budget 300 per
/// 300 s, the clock moving 2 s per read so the window always holds about 150 grants and a permit is always free (the
/// uncontended path every upstream request takes).
/// </summary>
public class TenantBudgetBenchmarks
{
    private TenantBudget _budget = null!;
    private DateTimeOffset _deadline;

    [GlobalSetup]
    public void Setup()
    {
        var budget = new RequestBudget(300, TimeSpan.FromSeconds(300));
        _budget = new TenantBudget(() => budget, new SteppingClock(TimeSpan.FromSeconds(2)), new BudgetEnforcementOptions(), _ => { });
        _deadline = DateTimeOffset.MaxValue;
    }

    [Benchmark(Description = "TenantBudget.AcquireAsync (permit free)")]
    public ValueTask<bool> Acquire() => _budget.AcquireAsync(_deadline, CancellationToken.None);
}
