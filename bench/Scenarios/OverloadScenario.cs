using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// Ten times a tenant's budget offered for three windows (scaled: N=60 per W=20 s on the tenant and on the simulator),
/// open loop. The invariant is checked from the simulator's request log: never more than N budgeted requests in any
/// rolling W, and no 429.
/// </summary>
internal sealed class OverloadScenario : IScenario
{
    private const int Budget = 60;
    private const int WindowSeconds = 20;
    private const double WaitedThresholdMs = 100;

    public string Name => "overload";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var windows = context.Quick ? 1 : 3;
        var tenant = new BenchTenant("overload", Budget, WindowSeconds);
        await using var rig = await Rig.StartAsync(context, new RigSettings
        {
            Tenants = [tenant],
            SimBudgetRequests = Budget,
            SimBudgetWindowSeconds = WindowSeconds,
        }, cancellationToken);
        using var caller = rig.Caller(connections: 1024);

        // Token and status cache first; then wait out the window that request used, so the run starts with a full budget.
        await caller.CallAsync("halopsa_list_statuses", null, cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(WindowSeconds + 3), cancellationToken);
        await rig.SimApi.ResetStatsAsync(cancellationToken);

        // 10x the budget in upstream-bound calls (get_ticket without actions: one request each, never read before),
        // plus one cached call for every four of those.
        var upstreamRate = 10.0 * Budget / WindowSeconds;
        var duration = TimeSpan.FromSeconds(WindowSeconds * windows);
        var calls = new List<Task<Outcome>>();
        var started = Stopwatch.GetTimestamp();
        var ticket = 1;
        var cached = 0.0;
        var cpu = CpuWindow.Start(rig);
        for (var n = 0; ; n++)
        {
            var due = n / upstreamRate;
            if (due >= duration.TotalSeconds)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait), cancellationToken);
            }

            calls.Add(CallAsync(caller, "halopsa_get_ticket", new JsonObject { ["ticket_id"] = ticket++, ["include_actions"] = false }, due, cancellationToken));
            cached += 0.25;
            if (cached >= 1)
            {
                cached -= 1;
                calls.Add(CallAsync(caller, "halopsa_list_statuses", null, due, cancellationToken));
            }
        }

        var outcomes = await Task.WhenAll(calls);
        var use = cpu.Stop();
        var log = await rig.SimApi.RequestsAsync(cancellationToken);
        var stats = await rig.SimApi.StatsAsync(cancellationToken);
        var budgeted = log.Where(r => r.BudgetCounted).Select(r => r.StartedUs / 1000).Order().ToList();
        var maxRolling = MaxInAnyWindow(budgeted, WindowSeconds * 1000);
        var origin = budgeted.Count > 0 ? budgeted[0] : 0;
        var windowRows = new List<IReadOnlyList<string>>();
        var lastWindow = budgeted.Count == 0 ? 0 : (int)((budgeted[^1] - origin) / (WindowSeconds * 1000));
        for (var w = 0; w <= lastWindow; w++)
        {
            var from = origin + w * WindowSeconds * 1000L;
            var count = budgeted.Count(t => t >= from && t < from + WindowSeconds * 1000L);
            windowRows.Add([$"{w * WindowSeconds}–{(w + 1) * WindowSeconds} s", count.ToString(CultureInfo.InvariantCulture)]);
        }

        var kinds = new[] { "cache", "immediate", "waited", "rejected", "other error" };
        var outcomeRows = new List<IReadOnlyList<string>>();
        for (var w = 0; w < windows; w++)
        {
            var inWindow = outcomes.Where(o => (int)(o.DueSeconds / WindowSeconds) == w).ToList();
            outcomeRows.Add([$"{w * WindowSeconds}–{(w + 1) * WindowSeconds} s", inWindow.Count.ToString(CultureInfo.InvariantCulture),
                .. kinds.Select(k => inWindow.Count(o => o.Kind == k).ToString(CultureInfo.InvariantCulture))]);
        }

        outcomeRows.Add(["**all**", outcomes.Length.ToString(CultureInfo.InvariantCulture), .. kinds.Select(k => $"**{outcomes.Count(o => o.Kind == k)}**")]);
        outcomeRows.Add(["p50 latency ms", "", .. kinds.Select(k => Md.F(Stats.Percentile([.. outcomes.Where(o => o.Kind == k).Select(o => o.Milliseconds)], 50), 0))]);
        outcomeRows.Add(["max latency ms", "", .. kinds.Select(k => outcomes.Any(o => o.Kind == k) ? Md.F(outcomes.Where(o => o.Kind == k).Max(o => o.Milliseconds), 0) : "")]);
        var otherErrors = outcomes.Where(o => o.Kind == "other error").Select(o => o.Text).Distinct().Take(3).ToList();
        var sampleRejection = outcomes.FirstOrDefault(o => o.Kind == "rejected")?.Text;
        var markdown =
            $"Scaled budget: N={Budget} per W={WindowSeconds} s on the tenant (tenants file) and on the simulator's instance, instead of " +
            $"300 per 300 s, so that three windows take a minute. Offered load: {upstreamRate:0} `halopsa_get_ticket` calls/s " +
            "(`include_actions=false`, one upstream request each, every ticket new) = 10× the budget, open loop (each call " +
            $"starts on schedule whatever the others do), for {windows} window(s), plus one cached `halopsa_list_statuses` call for " +
            "every four. The server adds its skew margin (2 s) to W, so it enforces 60 per 22 s.\n\n" +
            $"Upstream `/api` requests the simulator logged: {stats.BudgetCounted}; **most in any rolling {WindowSeconds} s window: {maxRolling}** " +
            $"(budget {Budget}); **429 answers: {stats.RateLimited}**.\n\n" +
            Md.Table(["window (from the first upstream request)", "upstream requests"], windowRows) +
            $"\nOutcome of each call by the window it was sent in. `cache`: a `list_statuses` answered; `immediate`: a `get_ticket` " +
            $"answered within {WaitedThresholdMs:0} ms; `waited`: answered later (it queued for a permit); `rejected`: refused with the " +
            "budget message; `other error`: anything else.\n\n" +
            Md.Table(["sent in", "calls", .. kinds], outcomeRows) +
            (sampleRejection is null ? "" : $"\nA rejection as the model reads it: _{sampleRejection.Replace("\n", " ", StringComparison.Ordinal)}_\n") +
            (otherErrors.Count == 0 ? "" : $"\nOther errors: {string.Join("; ", otherErrors.Select(e => $"_{e}_"))}\n") +
            $"\nCPU cores over the run, server / sim / generator: {Md.Cpu(use)}.\n";
        return new ScenarioResult("Overload: 10× a tenant's budget for three windows", markdown,
        [
            new("Overload", $"upstream requests in any rolling {WindowSeconds} s", $"never above budget ({Budget})", maxRolling.ToString(CultureInfo.InvariantCulture), maxRolling <= Budget),
            new("Overload", "429s served by the simulator", "0", stats.RateLimited.ToString(CultureInfo.InvariantCulture), stats.RateLimited == 0),
        ])
        {
            Figures = new Dictionary<string, string>
            {
                ["overload.max_rolling"] = maxRolling.ToString(CultureInfo.InvariantCulture),
                ["overload.rejected"] = outcomes.Count(o => o.Kind == "rejected").ToString(CultureInfo.InvariantCulture),
                ["overload.calls"] = outcomes.Length.ToString(CultureInfo.InvariantCulture),
                ["overload.reject_p50_s"] = Md.F(Stats.Percentile([.. outcomes.Where(o => o.Kind == "rejected").Select(o => o.Milliseconds)], 50) / 1000, 1),
                ["overload.waited_p50_s"] = Md.F(Stats.Percentile([.. outcomes.Where(o => o.Kind == "waited").Select(o => o.Milliseconds)], 50) / 1000, 1),
            },
        };
    }

    private static int MaxInAnyWindow(List<long> sortedStarts, long windowMs)
    {
        var max = 0;
        var left = 0;
        for (var right = 0; right < sortedStarts.Count; right++)
        {
            while (sortedStarts[right] - sortedStarts[left] >= windowMs)
            {
                left++;
            }

            max = Math.Max(max, right - left + 1);
        }

        return max;
    }

    private static async Task<Outcome> CallAsync(McpCaller caller, string tool, JsonObject? args, double due, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await caller.CallAsync(tool, args, cancellationToken);
            var kind = reply.IsError
                ? (reply.Text.Contains("budget", StringComparison.OrdinalIgnoreCase) || reply.Text.Contains("rate", StringComparison.OrdinalIgnoreCase) ? "rejected" : "other error")
                : tool == "halopsa_list_statuses" ? "cache"
                : reply.Milliseconds <= WaitedThresholdMs ? "immediate" : "waited";
            return new Outcome(due, kind, reply.Milliseconds, reply.Text);
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(due, "other error", double.NaN, ex.Message);
        }
    }

    private sealed record Outcome(double DueSeconds, string Kind, double Milliseconds, string Text);
}
