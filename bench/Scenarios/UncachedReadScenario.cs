using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// <c>halopsa_get_ticket</c> on tickets never read before (so every call goes upstream), simulator latency 0, one
/// client: the time added over sending the same upstream requests to the simulator directly.
/// </summary>
internal sealed class UncachedReadScenario : IScenario
{
    private const int ProbeTicket = 4321;

    public string Name => "uncached";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tenant = new BenchTenant("uncached", 10_000_000, 300);
        await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant] }, cancellationToken);
        using var caller = rig.Caller(connections: 8);
        await rig.SimApi.SetLatencyAsync(0, cancellationToken);

        // Learn exactly what the server sends upstream for one get_ticket, to replay it directly.
        var probe = await caller.CallAsync("halopsa_get_ticket", Args(ProbeTicket), cancellationToken);
        if (probe.IsError)
        {
            throw new InvalidOperationException("get_ticket failed: " + probe.Text);
        }

        var templates = (await rig.SimApi.RequestsAsync(cancellationToken))
            .Where(r => r.IsApi && (r.Path + r.Query).Contains(ProbeTicket.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            .Select(r => (r.Path + r.Query).Replace(ProbeTicket.ToString(CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var token = await rig.SimApi.TokenAsync(cancellationToken);

        var next = 1;
        await MeasureAsync(caller, rig.SimApi, token, templates, () => next++, context.Quick ? 30 : 200, cancellationToken);
        var perRun = context.Quick ? 60 : 400;
        var rows = new List<IReadOnlyList<string>>();
        var added = new List<double>();
        var upstreamPerCall = new List<double>();
        for (var run = 1; run <= context.Runs; run++)
        {
            var before = await rig.SimApi.StatsAsync(cancellationToken);
            var (tool, direct) = await MeasureAsync(caller, rig.SimApi, token, templates, () => next++, perRun, cancellationToken);
            var after = await rig.SimApi.StatsAsync(cancellationToken);

            // The direct replay is in the sim's count too: half of the increase is the server's.
            upstreamPerCall.Add((after.BudgetCounted - before.BudgetCounted) / 2.0 / perRun);
            var delta = Stats.Percentile(tool, 50) - Stats.Percentile(direct, 50);
            added.Add(delta);
            rows.Add([$"run {run}", perRun.ToString(CultureInfo.InvariantCulture), Md.F(Stats.Percentile(tool, 50), 3), Md.F(Stats.Percentile(tool, 99), 3),
                Md.F(Stats.Percentile(direct, 50), 3), Md.F(Stats.Percentile(direct, 99), 3), Md.F(delta, 3), Md.F(Stats.Percentile(tool, 99) - Stats.Percentile(direct, 99), 3)]);
        }

        var median = Stats.Median(added);
        rows.Add(["**median**", "", "", "", "", "", $"**{Md.F(median, 3)}**", ""]);
        var markdown =
            "One client, sequential. Each call reads a ticket no call has read before (ids 1, 2, 3, …), so the ticket grain " +
            "activates and both upstream reads go to the simulator (latency fault 0). Right after each tool call the harness sends " +
            "the same upstream requests itself (same paths and queries, learned from the simulator's request log, both at once as " +
            "the grain does) with its own token: `direct`. Added latency = p50(tool call) − p50(direct).\n\n" +
            $"Upstream requests replayed per call: {string.Join(", ", templates.Select(t => $"`GET {t}`"))}; measured upstream " +
            $"requests per tool call: {Md.F(Stats.Median(upstreamPerCall), 2)}.\n\n" +
            Md.Table(["run", "calls", "tool p50 ms", "tool p99 ms", "direct p50 ms", "direct p99 ms", "added p50 ms", "added p99 ms"], rows);
        return new ScenarioResult("Uncached read (`halopsa_get_ticket`), simulator latency 0", markdown,
        [
            new("Uncached read", "latency added at p50", "< 1 ms", $"{Md.F(median, 3)} ms", median < 1),
        ]);
    }

    private static JsonObject Args(int ticketId) => new() { ["ticket_id"] = ticketId };

    private static async Task<(List<double> Tool, List<double> Direct)> MeasureAsync(
        McpCaller caller, SimClient sim, string token, IReadOnlyList<string> templates, Func<int> nextId, int count, CancellationToken cancellationToken)
    {
        var tool = new List<double>(count);
        var direct = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var id = nextId();
            var reply = await caller.CallAsync("halopsa_get_ticket", Args(id), cancellationToken);
            if (reply.IsError)
            {
                throw new InvalidOperationException($"get_ticket {id} failed: {reply.Text}");
            }

            tool.Add(reply.Milliseconds);
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(templates.Select(t => sim.GetRawAsync(t.Replace("{id}", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), token, cancellationToken)));
            direct.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (tool, direct);
    }
}
