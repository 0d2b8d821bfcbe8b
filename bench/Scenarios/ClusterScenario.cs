using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// Cluster mode (issue 10), every part its own process on the same two cores: the cached read through a front end to a
/// silo in another process beside the co-hosted server; the cost of a permit with the budget kept durable in Redis
/// (reservations of 1, 8 and 64 permits per write) beside the co-hosted budget; and failover, the time from SIGKILL of
/// the silo that hosts a busy tenant until its calls are served again, over five kills.
/// </summary>
internal sealed class ClusterScenario : IScenario
{
    private const int Kills = 5;

    public string Name => "cluster";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tenant = new BenchTenant("cluster", 10_000_000, 300);
        var markdown = new System.Text.StringBuilder();
        var figures = new Dictionary<string, string>();

        // 1. The cached read, co-hosted and through a front end.
        var cachedRows = new List<IReadOnlyList<string>>();
        var cached = new Dictionary<string, double>();
        foreach (var (label, silos) in new[] { ("co-hosted (embedded)", 0), ("front end -> silo in another process", 1) })
        {
            await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant], Silos = silos }, cancellationToken);
            using var caller = rig.Caller(connections: 256);
            var body = McpCaller.Body("halopsa_list_statuses", null);
            await LoadRun.MeasureAsync(rig, caller, _ => body, 8, TimeSpan.FromSeconds(context.Quick ? 1 : 5), cancellationToken);
            var runs = await RunsAsync(context, rig, caller, _ => body, 64, cancellationToken);
            cached[label] = Stats.Median(runs.Select(r => r.CallsPerSecond));
            cachedRows.Add([label, Md.F(cached[label], 0), Md.F(Stats.Median(runs.Select(r => r.P50)), 2), Md.F(Stats.Median(runs.Select(r => r.P99)), 2),
                Md.F(Stats.Median(runs.Select(r => r.Cpu.Server)), 2), Md.F(Stats.Median(runs.Select(r => r.Cpu.Generator)), 2), runs.Sum(r => r.Failures).ToString(CultureInfo.InvariantCulture)]);
        }

        var ratio = cached["front end -> silo in another process"] / cached["co-hosted (embedded)"];
        figures["cluster.cached_cohosted"] = Md.F(cached["co-hosted (embedded)"], 0);
        figures["cluster.cached_frontend"] = Md.F(cached["front end -> silo in another process"], 0);
        figures["cluster.cached_ratio"] = Md.F(ratio * 100, 0);
        markdown.Append("### Cached read through a front end\n\n`halopsa_list_statuses`, 64 closed-loop clients, " +
            $"median of {context.Runs} run(s) of {(context.Quick ? 2 : 6)} s after a warm-up. \"Server\" CPU is the server process, plus the silo process in " +
            "cluster mode (front end and silo share the two cores with the load generator and Redis).\n\n");
        markdown.Append(Md.Table(["topology", "calls/s", "p50 ms", "p99 ms", "server CPU cores", "generator CPU cores", "failed"], cachedRows));
        markdown.Append($"\nThrough a front end: **{Md.F(ratio * 100, 0)} %** of the co-hosted figure.\n\n");

        // 2. The cost of a permit: one uncached read is one permit and one upstream request.
        var permitRows = new List<IReadOnlyList<string>>();
        foreach (var (label, silos, block) in new[] { ("co-hosted, journal in memory storage", 0, 8), ("cluster, reservations of 1 (each batch written ahead)", 1, 1), ("cluster, reservations of 8 (default)", 1, 8), ("cluster, reservations of 64", 1, 64) })
        {
            await using var rig = await Rig.StartAsync(context, new RigSettings
            {
                Tenants = [tenant],
                Silos = silos,
                ServerArgs = silos == 0 ? [$"--Budget:ReservationBlock={block}"] : [],
                SiloArgs = [$"--Budget:ReservationBlock={block}"],
            }, cancellationToken);
            await rig.SimApi.SetLatencyAsync(0, cancellationToken);
            using var caller = rig.Caller(connections: 256);
            // Tickets beyond the simulator's dataset: HaloPSA answers 404 at once, and a not-found ticket is never cached.
            // Each id once (the load's own numbering repeats across callers, and identical reads in flight share a request).
            var nextTicket = 1_000_000;
            Func<int, byte[]> page = n => McpCaller.Body("halopsa_get_ticket", new JsonObject { ["ticket_id"] = Interlocked.Increment(ref nextTicket), ["include_actions"] = false }, n + 1);
            await LoadRun.MeasureAsync(rig, caller, page, 8, TimeSpan.FromSeconds(context.Quick ? 1 : 3), cancellationToken);
            foreach (var clients in new[] { 1, 64 })
            {
                await rig.SimApi.ResetStatsAsync(cancellationToken);
                if (rig.Redis is { } redis)
                {
                    await redis.ResetStatsAsync(cancellationToken);
                }

                var runs = await RunsAsync(context, rig, caller, page, clients, cancellationToken);
                var permits = (await rig.SimApi.StatsAsync(cancellationToken)).BudgetCounted;
                var writes = "-";
                var redisUs = "-";
                if (rig.Redis is { } r)
                {
                    var stats = await r.CommandStatsAsync(cancellationToken);
                    var scripts = stats.Where(s => s.Key.StartsWith("eval", StringComparison.Ordinal)).ToList();
                    var calls = scripts.Sum(s => s.Value.Calls);
                    writes = Md.F(calls / (double)Math.Max(permits, 1), 3);
                    redisUs = calls == 0 ? "-" : Md.F(scripts.Sum(s => s.Value.Microseconds) / (double)calls, 1);
                }

                permitRows.Add([label, clients.ToString(CultureInfo.InvariantCulture), Md.F(Stats.Median(runs.Select(x => x.CallsPerSecond)), 0),
                    Md.F(Stats.Median(runs.Select(x => x.P50)), 2), Md.F(Stats.Median(runs.Select(x => x.P99)), 2), writes, redisUs,
                    Md.F(Stats.Median(runs.Select(x => x.Cpu.Server)), 2), Md.F(permits / (double)Math.Max(runs.Sum(x => x.Calls), 1), 2)]);
                figures[$"cluster.permits_{silos}_{block}_{clients}"] = Md.F(Stats.Median(runs.Select(x => x.CallsPerSecond)), 0);
            }
        }

        markdown.Append("### The cost of a durable permit\n\n`halopsa_get_ticket` (`include_actions` false) of tickets HaloPSA does not have: " +
            "no cache (a not-found ticket is never cached), so every call takes one permit and makes one upstream request, which the simulator " +
            "answers 404 at once (latency 0); the tool answers \"not found\". The budget's journal in Redis is written once per reservation " +
            "(`Budget:ReservationBlock` permits, or as many as are waiting); writes per permit and Redis's own time per write come from Redis's " +
            "`INFO commandstats` (the grain storage writes with Lua scripts).\n\n");
        markdown.Append(Md.Table(["budget", "clients", "calls/s", "p50 ms", "p99 ms", "journal writes per permit", "Redis us per write", "server CPU cores", "upstream requests per call"], permitRows));

        double failover;

        // 3. Failover: the tenant's grains live on the silo that survived the last kill (the first time, the only silo).
        await using (var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant], Silos = 1 }, cancellationToken))
        {
            using var caller = rig.Caller(connections: 64);
            var body = McpCaller.Body("halopsa_list_statuses", null);
            if (!await caller.SendAsync(body, cancellationToken))
            {
                throw new InvalidOperationException("The first cached read failed.");
            }

            await rig.StartSiloAsync(1, cancellationToken);
            var times = new List<double>();
            var failedDuring = 0;
            var host = 0;
            for (var kill = 1; kill <= (context.Quick ? 2 : Kills); kill++)
            {
                // Long enough for the front end's gateway list (refreshed every 5 s) and membership to take in the other silo.
                await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
                var (seconds, failed) = await KillAndMeasureAsync(rig, caller, body, host, cancellationToken);
                times.Add(seconds);
                failedDuring += failed;
                await rig.StartSiloAsync(host, cancellationToken);
                host = 1 - host;
            }

            failover = Stats.Median(times);
            figures["cluster.failover_median"] = Md.F(failover, 1);
            markdown.Append($"\n### Failover\n\nTwo silos, one front end, 16 closed-loop clients reading `halopsa_list_statuses` of one tenant. The silo " +
                "that hosts the tenant's grain is SIGKILLed; the time is from the end of the kill (the process gone) to the first answer of a call sent after it (a call meets the " +
                "dead silo, the front end retries it until membership has declared the silo dead and the grain serves from the other one, which " +
                "reloads the statuses). The killed silo is then restarted and the next kill takes the other. Membership as configured by default " +
                "(`HaloOrleansConfiguration.TuneMembership`: probe timeout 1.5 s, 3 missed probes).\n\n");
            markdown.Append(Md.Table(["kill", "seconds to serve again"], times.Select((t, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Md.F(t, 2)])));
            markdown.Append($"\nMedian **{Md.F(Stats.Median(times), 2)} s**; calls that failed during the kills: {failedDuring}.\n");
        }

        return new ScenarioResult("Cluster: front end, durable permits, failover", markdown.ToString(),
        [
            new("Cluster", "cached calls/s through a front end, share of co-hosted", ">= 50 %", $"{Md.F(ratio * 100, 0)} %", ratio >= 0.5),
            new("Cluster", "failover, median of kills", "<= 5 s", $"{figures["cluster.failover_median"]} s", failover <= 5),
        ])
        {
            Figures = figures,
        };
    }

    private static async Task<List<LoadRun>> RunsAsync(BenchContext context, Rig rig, McpCaller caller, Func<int, byte[]> body, int clients, CancellationToken cancellationToken)
    {
        var runs = new List<LoadRun>();
        for (var run = 1; run <= context.Runs; run++)
        {
            runs.Add(await LoadRun.MeasureAsync(rig, caller, body, clients, TimeSpan.FromSeconds(context.Quick ? 2 : 6), cancellationToken));
        }

        return runs;
    }

    // Kills silo `victim` under load and returns the seconds until a call sent after the kill was answered.
    private static async Task<(double Seconds, int Failed)> KillAndMeasureAsync(Rig rig, McpCaller caller, byte[] body, int victim, CancellationToken cancellationToken)
    {
        var killedAt = long.MaxValue;
        var stopAt = long.MaxValue;
        var firstAfter = long.MaxValue;
        var failed = 0;
        var clients = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < Volatile.Read(ref stopAt))
            {
                var sent = Stopwatch.GetTimestamp();
                var ok = await caller.SendAsync(body, cancellationToken);
                var answered = Stopwatch.GetTimestamp();
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
                else if (sent > Volatile.Read(ref killedAt))
                {
                    InterlockedMin(ref firstAfter, answered);
                }
            }
        }, cancellationToken)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        // Counted from the moment the process is gone: a call sent while SIGKILL was on its way could still be served.
        rig.KillSilo(victim);
        Volatile.Write(ref killedAt, Stopwatch.GetTimestamp());
        var guard = Stopwatch.StartNew();
        while (Volatile.Read(ref firstAfter) == long.MaxValue && guard.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20, cancellationToken);
        }

        Volatile.Write(ref stopAt, Stopwatch.GetTimestamp());
        await Task.WhenAll(clients);
        if (firstAfter == long.MaxValue)
        {
            throw new TimeoutException("No call was served within 60 s of the kill.");
        }

        return ((firstAfter - killedAt) / (double)Stopwatch.Frequency, failed);
    }

    private static void InterlockedMin(ref long target, long value)
    {
        for (var current = Volatile.Read(ref target); value < current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
