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

        var token = await rig.SimApi.TokenAsync(cancellationToken);
        var next = 1;
        var rows = new List<IReadOnlyList<string>>();
        var medians = new Dictionary<int, double>();
        var medianRaw = new Dictionary<int, double>();
        var upstream = new Dictionary<int, double>();
        var templatesOf = new Dictionary<int, List<string>>();
        (bool IncludeActions, int LatencyMs)[] variants = [(true, 0), (false, 0), (false, 20)];
        for (var v = 0; v < variants.Length; v++)
        {
            var (includeActions, latencyMs) = variants[v];
            await rig.SimApi.SetLatencyAsync(latencyMs, cancellationToken);
            var probeTicket = ProbeTicket + v;
            var label = (includeActions ? "get_ticket (default: with actions)" : "get_ticket include_actions=false")
                + (latencyMs > 0 ? $", {latencyMs} ms injected upstream latency" : "");

            // Learn exactly what the server sends upstream for one call, to replay it directly.
            var probe = await caller.CallAsync("halopsa_get_ticket", Args(probeTicket, includeActions), cancellationToken);
            if (probe.IsError)
            {
                throw new InvalidOperationException("get_ticket failed: " + probe.Text);
            }

            var templates = (await rig.SimApi.RequestsAsync(cancellationToken))
                .Where(r => r.IsApi && (r.Path + r.Query).Contains(probeTicket.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
                .Select(r => (r.Path + r.Query).Replace(probeTicket.ToString(CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            templatesOf[v] = templates;
            await MeasureAsync(caller, rig.SimApi, token, templates, () => next++, includeActions, context.Quick ? 30 : 200, cancellationToken);
            var perRun = context.Quick ? 60 : 250;
            var added = new List<double>();
            var addedRaw = new List<double>();
            var upstreamPerCall = new List<double>();
            for (var run = 1; run <= context.Runs; run++)
            {
                await rig.SimApi.ResetStatsAsync(cancellationToken);
                var first = next;
                var (tool, direct) = await MeasureAsync(caller, rig.SimApi, token, templates, () => next++, includeActions, perRun, cancellationToken);
                var log = await rig.SimApi.RequestsAsync(cancellationToken);

                // Per ticket: the server's requests come first, the harness's replay after (one client, strictly in turn).
                var spans = log.Where(r => r.IsApi).Select(r => (Id: TicketOf(r), Request: r)).Where(x => x.Id >= first)
                    .GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.Select(x => x.Request).OrderBy(r => r.StartedUs).ToList());
                var toolSim = new List<double>();
                var directSim = new List<double>();
                for (var i = 0; i < perRun; i++)
                {
                    var requests = spans.GetValueOrDefault(first + i) ?? [];
                    var half = requests.Count / 2;
                    toolSim.Add(Span(requests.Take(half)));
                    directSim.Add(Span(requests.Skip(half)));
                }

                upstreamPerCall.Add(spans.Values.Sum(r => r.Count) / 2.0 / perRun);
                var toolOverhead = tool.Select((t, i) => t - toolSim[i]).ToList();
                var directOverhead = direct.Select((d, i) => d - directSim[i]).ToList();
                var delta = Stats.Percentile(toolOverhead, 50) - Stats.Percentile(directOverhead, 50);
                var rawDelta = Stats.Percentile(tool, 50) - Stats.Percentile(direct, 50);
                added.Add(delta);
                addedRaw.Add(rawDelta);
                rows.Add([label, $"run {run}", perRun.ToString(CultureInfo.InvariantCulture),
                    Md.F(Stats.Percentile(tool, 50), 2), Md.F(Stats.Percentile(direct, 50), 2), Md.F(rawDelta, 2),
                    Md.F(Stats.Percentile(toolSim, 50), 2), Md.F(Stats.Percentile(toolOverhead, 50), 3), Md.F(Stats.Percentile(toolOverhead, 99), 3),
                    Md.F(Stats.Percentile(directOverhead, 50), 3), $"**{Md.F(delta, 3)}**"]);
            }

            medians[v] = Stats.Median(added);
            medianRaw[v] = Stats.Median(addedRaw);
            upstream[v] = Stats.Median(upstreamPerCall);
            rows.Add([$"**{label}**", "**median**", "", "", "", Md.F(medianRaw[v], 2), "", "", "", "", $"**{Md.F(medians[v], 3)}**"]);
        }

        await rig.SimApi.SetLatencyAsync(0, cancellationToken);
        var median = medians[0];
        var markdown =
            "One client, sequential. Each call reads a ticket no call has read before (ids 1, 2, 3, …), so the ticket grain " +
            "activates and both upstream reads go to the simulator (latency fault 0). Right after each tool call the harness sends " +
            "the same upstream requests itself (same paths and queries, learned from the simulator's request log, both at once as " +
            "the grain does) with its own token: `direct`.\n\n" +
            "The simulator's own time is large and noisy on this machine (its `/Actions?ticket_id=` scans 20,000 actions: 10–60 ms), " +
            "so comparing end-to-end medians mostly compares two samples of that noise. The simulator logs when it received and " +
            "finished each request (µs), so for every call the harness subtracts the simulator's span (first request in to last " +
            "answer out) from the client-side time: `overhead` is everything that is not the simulator, for the tool call " +
            "(MCP host, auth, grain calls, budget permit, HaloPSA client, mapping, serialisation, two loopback hops) and for the " +
            "direct replay (one loopback hop). **Added latency = p50(tool overhead) − p50(direct overhead).**\n\n" +
            $"Upstream requests per default call: {string.Join(", ", templatesOf[0].Select(t => $"`GET {t}`"))} (measured " +
            $"{Md.F(upstream[0], 2)} per call); with `include_actions=false` only the first ({Md.F(upstream[1], 2)} per call). The third " +
            "variant injects 20 ms of latency into every simulator answer (`POST /_sim/faults/demo`), to show how the added time " +
            "depends on how long the server waits for HaloPSA.\n\n" +
            Md.Table(["call", "run", "calls", "tool p50 ms", "direct p50 ms", "end-to-end difference ms", "sim span p50 ms (tool)", "tool overhead p50 ms", "tool overhead p99 ms", "direct overhead p50 ms", "added p50 ms"], rows);
        return new ScenarioResult("Uncached read (`halopsa_get_ticket`), simulator latency 0", markdown,
        [
            new("Uncached read", "latency added at p50 (`get_ticket`, default with actions)", "< 1 ms", $"{Md.F(median, 3)} ms (without actions: {Md.F(medians[1], 3)} ms)", median < 1),
        ])
        {
            Figures = new Dictionary<string, string>
            {
                ["uncached.added_actions"] = Md.F(medians[0], 2),
                ["uncached.added_noactions"] = Md.F(medians[1], 2),
                ["uncached.added_noactions_latency"] = Md.F(medians[2], 2),
                ["uncached.e2e_actions"] = Md.F(medianRaw[0], 2),
                ["uncached.e2e_noactions"] = Md.F(medianRaw[1], 2),
            },
        };
    }

    private static double Span(IEnumerable<SimRequest> requests)
    {
        var list = requests.ToList();
        return list.Count == 0 ? 0 : (list.Max(r => r.EndedUs) - list.Min(r => r.StartedUs)) / 1000.0;
    }

    private static int TicketOf(SimRequest r)
    {
        var text = r.Path + r.Query;
        var match = System.Text.RegularExpressions.Regex.Match(text, @"(?:/tickets/|ticket_id=)(\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
    }

    private static JsonObject Args(int ticketId, bool includeActions) => includeActions
        ? new() { ["ticket_id"] = ticketId }
        : new() { ["ticket_id"] = ticketId, ["include_actions"] = false };

    private static async Task<(List<double> Tool, List<double> Direct)> MeasureAsync(
        McpCaller caller, SimClient sim, string token, IReadOnlyList<string> templates, Func<int> nextId, bool includeActions, int count, CancellationToken cancellationToken)
    {
        var tool = new List<double>(count);
        var direct = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var id = nextId();
            var reply = await caller.CallAsync("halopsa_get_ticket", Args(id, includeActions), cancellationToken);
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
