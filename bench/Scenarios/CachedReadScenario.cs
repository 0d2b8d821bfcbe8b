namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// <c>halopsa_list_statuses</c> over HTTP, 1/8/64 concurrent clients, closed loop: after the first call every answer
/// comes from the tenant grain's reference cache, so this measures the host, the MCP layer and a grain call.
/// </summary>
internal sealed class CachedReadScenario : IScenario
{
    public string Name => "cached";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tenant = new BenchTenant("load", 10_000_000, 300);
        await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant] }, cancellationToken);
        using var caller = rig.Caller(connections: 256);
        var body = McpCaller.Body("halopsa_list_statuses", null);
        await rig.SimApi.ResetStatsAsync(cancellationToken);

        // Warm-up: the first call loads the cache; the rest let tiered JIT settle.
        await LoadRun.MeasureAsync(rig, caller, _ => body, 8, TimeSpan.FromSeconds(context.Quick ? 1 : 5), cancellationToken);
        var duration = TimeSpan.FromSeconds(context.Quick ? 2 : 6);
        var rows = new List<IReadOnlyList<string>>();
        var medians = new Dictionary<int, (double Rate, double P50, double P99)>();
        var cpus = new Dictionary<int, CpuUse>();
        foreach (var clients in new[] { 1, 8, 64 })
        {
            await LoadRun.MeasureAsync(rig, caller, _ => body, clients, TimeSpan.FromSeconds(context.Quick ? 0.5 : 2), cancellationToken);
            var runs = new List<LoadRun>();
            for (var run = 1; run <= context.Runs; run++)
            {
                var result = await LoadRun.MeasureAsync(rig, caller, _ => body, clients, duration, cancellationToken);
                runs.Add(result);
                rows.Add([clients.ToString(System.Globalization.CultureInfo.InvariantCulture), $"run {run}", Md.F(result.CallsPerSecond, 0), Md.F(result.P50, 2), Md.F(result.P99, 2), result.Failures.ToString(System.Globalization.CultureInfo.InvariantCulture), Md.Cpu(result.Cpu)]);
            }

            var m = (Stats.Median(runs.Select(r => r.CallsPerSecond)), Stats.Median(runs.Select(r => r.P50)), Stats.Median(runs.Select(r => r.P99)));
            medians[clients] = m;
            cpus[clients] = new CpuUse(Stats.Median(runs.Select(r => r.Cpu.Server)), Stats.Median(runs.Select(r => r.Cpu.Sim)), Stats.Median(runs.Select(r => r.Cpu.Generator)));
            rows.Add([$"**{clients}**", "**median**", $"**{Md.F(m.Item1, 0)}**", $"**{Md.F(m.Item2, 2)}**", $"**{Md.F(m.Item3, 2)}**", "", ""]);
        }

        var upstream = await rig.SimApi.StatsAsync(cancellationToken);
        var at64 = medians[64];
        var markdown =
            $"Closed loop, each client sends its next call when the last one answered; {context.Runs} run(s) of {duration.TotalSeconds:0} s per " +
            "level after a warm-up. CPU is average cores busy over the run, read from `/proc/<pid>/stat` (utime+stime) for the " +
            "server, the simulator and the load generator (this harness).\n\n" +
            Md.Table(["clients", "run", "calls/s", "p50 ms", "p99 ms", "failed", "CPU cores server / sim / generator"], rows) +
            $"\nUpstream requests during the whole scenario: {upstream.BudgetCounted} to `/api`, {upstream.Other} token request(s): every " +
            "call after the first was answered from the cache.\n";
        return new ScenarioResult("Cached read (`halopsa_list_statuses`) over HTTP", markdown,
        [
            new("Cached read", "calls/s at 64 clients", ">= 5,000", Md.F(at64.Rate, 0), at64.Rate >= 5000),
            new("Cached read", "p99 at 64 clients", "< 25 ms", $"{Md.F(at64.P99, 2)} ms", at64.P99 < 25),
        ])
        {
            Figures = new Dictionary<string, string>
            {
                ["cached.rate_64"] = Md.F(at64.Rate, 0),
                ["cached.p50_64"] = Md.F(at64.P50, 2),
                ["cached.p99_64"] = Md.F(at64.P99, 2),
                ["cached.rate_8"] = Md.F(medians[8].Rate, 0),
                ["cached.p99_8"] = Md.F(medians[8].P99, 2),
                ["cached.rate_1"] = Md.F(medians[1].Rate, 0),
                ["cached.p50_1"] = Md.F(medians[1].P50, 2),
                ["cached.server_cpu_64"] = Md.F(cpus[64].Server, 2),
                ["cached.generator_cpu_64"] = Md.F(cpus[64].Generator, 2),
            },
        };
    }
}
