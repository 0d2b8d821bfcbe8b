using System.Diagnostics;

namespace HaloMcp.Bench.Scenarios;

/// <summary>A closed-loop load: <c>clients</c> callers each sending the next call as soon as the last one answered.</summary>
internal sealed record LoadRun(int Clients, int Calls, int Failures, double Seconds, double P50, double P99, CpuUse Cpu)
{
    public double CallsPerSecond => Calls / Seconds;

    public static async Task<LoadRun> MeasureAsync(Rig rig, McpCaller caller, Func<int, byte[]> bodyFor, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var failures = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var cpu = CpuWindow.Start(rig);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(64_000);
            var n = 0;
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var t0 = Stopwatch.GetTimestamp();
                var ok = await caller.SendAsync(bodyFor(w * 1_000_003 + n++), cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var use = cpu.Stop();
        var all = latencies.SelectMany(l => l).ToList();
        return new LoadRun(clients, all.Count, failures, seconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99), use);
    }
}
