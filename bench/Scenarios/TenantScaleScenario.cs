using System.Diagnostics;
using System.Globalization;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// 1,000 then 10,000 tenants, each warmed with one call (token + reference cache + tenant grain); managed memory per
/// active tenant from the server's ops endpoint, then memory after idle collection has deactivated them all.
/// </summary>
internal sealed class TenantScaleScenario : IScenario
{
    private const long PerTenantLimit = 64 * 1024;

    public string Name => "tenants";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        int[] levels = context.Quick ? [100, 500] : [1_000, 10_000];
        var idle = TimeSpan.FromSeconds(context.Quick ? 15 : 45);
        // A tenant grain stays while grants in its budget window still count (the window's log lives in the grain until
        // it is persisted), so the windows here (30 s) end before the idle time: idle collection can then take them.
        var tenants = Enumerable.Range(0, levels[^1] + 1).Select(i => new BenchTenant($"t{i:D5}", 300, 30)).ToList();
        await using var rig = await Rig.StartAsync(context, new RigSettings
        {
            Tenants = tenants,
            ServerArgs =
            [
                "--Ops:Enabled=true",
                $"--Silo:CollectionAge={idle:c}",
                "--Silo:CollectionQuantum=00:00:02",
            ],
        }, cancellationToken);
        using var caller = rig.Caller(connections: 32);
        using var ops = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var body = McpCaller.Body("halopsa_list_statuses", null);

        // The first tenant warms the process (JIT, pools, the MCP layer), then idles out with the rest.
        for (var i = 0; i < 50; i++)
        {
            await caller.SendAsAsync(body, tenants[0].ApiKey, cancellationToken);
        }

        var start = await RuntimeProbe.ReadAsync(ops, rig.OpsUrl, cancellationToken);
        var rows = new List<IReadOnlyList<string>>
        {
            Row("start (1 tenant warmed)", start, start, 0, ""),
        };
        var warmed = 1;
        var perTenant = new List<double>();
        foreach (var level in levels)
        {
            var watch = Stopwatch.StartNew();
            var failures = 0;
            var from = warmed;
            var next = from;
            var workers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next) - 1) <= level)
                {
                    if (!await caller.SendAsAsync(body, tenants[i].ApiKey, cancellationToken))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            }, cancellationToken)).ToArray();
            await Task.WhenAll(workers);
            warmed = level + 1;
            var rate = (level + 1 - from) / watch.Elapsed.TotalSeconds;
            var probe = await RuntimeProbe.ReadAsync(ops, rig.OpsUrl, cancellationToken);
            var bytesPerTenant = (probe.ManagedBytes - start.ManagedBytes) / (double)level;
            perTenant.Add(bytesPerTenant);
            rows.Add(Row($"{level:N0} tenants warmed", probe, start, bytesPerTenant,
                $"{rate:N0} tenants/s warmed, {failures} failed"));
        }

        // Idle collection: wait until every tenant grain has been deactivated, then measure again.
        var waitStarted = Stopwatch.StartNew();
        RuntimeProbe after;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            after = await RuntimeProbe.ReadAsync(ops, rig.OpsUrl, cancellationToken);
        }
        while (after.TenantActivations > 0 && waitStarted.Elapsed < idle + TimeSpan.FromSeconds(90));

        rows.Add(Row($"after idle collection ({waitStarted.Elapsed.TotalSeconds:0} s later)", after, start, double.NaN,
            $"{after.TenantActivations} tenant grains still active"));
        var growth = (after.ManagedBytes - start.ManagedBytes) / (double)start.ManagedBytes;
        var worst = perTenant.Max();
        var markdown =
            $"One server with {levels[^1] + 1:N0} configured tenants (all on the simulator's `demo` instance, each with its own id, key, " +
            "token and budget). Each tenant is warmed by one `halopsa_list_statuses` call, which activates its tenant grain, " +
            "fetches its token and loads its status cache (two upstream requests). Memory comes from `GET /_ops/runtime` " +
            "(`--Ops:Enabled=true`): live managed bytes after a forced full compacting collection. Per tenant = growth over " +
            $"`start` ÷ tenants warmed. Budget windows of 30 s (a tenant grain stays while its window holds grants), idle time {idle.TotalSeconds:0} s, Orleans' collector every 2 s (`--Silo:CollectionAge`, " +
            "`--Silo:CollectionQuantum`).\n\n" +
            Md.Table(["point", "managed MB", "heap MB", "working set MB", "tenant grains", "bytes per tenant", "notes"], rows) +
            $"\nAfter idle collection managed memory is {growth * 100:+0.0;-0.0} % against the start.\n";
        return new ScenarioResult($"Tenant scale: {levels[0]:N0} and {levels[^1]:N0} tenants", markdown,
        [
            new("Tenant scale", "managed memory per active tenant", "<= 64 KB", $"{worst / 1024:N1} KB (worst level)", worst <= PerTenantLimit),
            new("Tenant scale", "managed memory after idle collection", "within 10 % of start", $"{growth * 100:+0.0;-0.0} %", Math.Abs(growth) <= 0.10 && after.TenantActivations == 0),
        ])
        {
            Figures = new Dictionary<string, string>
            {
                ["tenants.per_tenant_kb"] = Md.F(worst / 1024, 1),
                ["tenants.idle_growth"] = $"{growth * 100:+0.0;-0.0} %",
                ["tenants.retained_per_tenant"] = Md.F((after.ManagedBytes - start.ManagedBytes) / (double)levels[^1], 0),
                ["tenants.start_mb"] = Md.F(start.ManagedBytes / 1048576.0, 1),
                ["tenants.after_mb"] = Md.F(after.ManagedBytes / 1048576.0, 1),
            },
        };
    }

    private static IReadOnlyList<string> Row(string name, RuntimeProbe p, RuntimeProbe start, double perTenant, string notes) =>
    [
        name, Md.F(p.ManagedBytes / 1048576.0, 1), Md.F(p.HeapBytes / 1048576.0, 1), Md.F(p.WorkingSetBytes / 1048576.0, 1),
        p.TenantActivations.ToString("N0", CultureInfo.InvariantCulture), double.IsNaN(perTenant) || perTenant == 0 ? "" : perTenant.ToString("N0", CultureInfo.InvariantCulture), notes,
    ];
}
