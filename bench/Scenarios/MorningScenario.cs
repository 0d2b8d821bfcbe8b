using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// Upstream HaloPSA requests per 100 tool calls of the "technician morning" mix, result bytes per morning and the
/// freshness of what was shown: cold (fresh server) by one assistant, and by five assistants of one tenant at once
/// (on one shared queue, and each on its own client), with the simulator posting every change as a webhook and
/// without webhooks; paced on a scaled clock and back to back.
/// </summary>
internal sealed partial class MorningScenario : IScenario
{
    // A four-hour morning (240 min) played in 40 s: 1/6 s per minute (a clock 360x faster), cache lifetimes scaled alike.
    private const double SecondsPerMinute = 1.0 / 6;
    private const double Scale = 360;

    // Five assistants on one queue start three minutes of morning apart (half a second on the paced clock).
    private const double StaggerMinutes = 3;

    public string Name => "morning";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var withWebhooks = new BenchTenant("morning", 10_000_000, 300, Webhooks: true);
        var plain = new BenchTenant("plain", 10_000_000, 300);
        await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [withWebhooks, plain] }, cancellationToken);

        // The default lifetimes (ReferenceDataOptions) divided by 360 like the clock. Keep these in step with the defaults.
        var defaults = new Lifetimes(ReferenceData: TimeSpan.FromHours(1), ReferenceDataWithWebhooks: TimeSpan.FromHours(24),
            Entity: TimeSpan.FromSeconds(30), EntityWithWebhooks: TimeSpan.FromHours(1), Idempotency: TimeSpan.FromMinutes(10));
        var scaled = defaults.Scaled(Scale);
        string[] noCache = ["--Caching:ReferenceDataTtl=00:00:00", "--Caching:ReferenceDataTtlWithWebhooks=00:00:00", "--Caching:EntityTtl=00:00:00", "--Caching:EntityTtlWithWebhooks=00:00:00"];
        var variants = new List<Variant>
        {
            new("paced_1", "paced, one assistant, webhooks", 1, SecondsPerMinute, Shared: false, Webhooks: true, scaled),
            new("paced_5", "paced, five assistants on one queue, webhooks", 5, SecondsPerMinute, Shared: true, Webhooks: true, scaled),
            new("paced_5own", "paced, five assistants each on their own client, webhooks", 5, SecondsPerMinute, Shared: false, Webhooks: true, scaled),
            new("paced_1plain", "paced, one assistant, no webhooks", 1, SecondsPerMinute, Shared: false, Webhooks: false, scaled),
            new("b2b_1", "back to back, one assistant, webhooks", 1, 0, Shared: false, Webhooks: true, defaults),
            new("b2b_5", "back to back, five assistants on one queue, webhooks", 5, 0, Shared: true, Webhooks: true, defaults),
            new("b2b_1plain", "back to back, one assistant, no webhooks", 1, 0, Shared: false, Webhooks: false, defaults),
            new("nocache_1", "no caches (lifetimes 0), one assistant, back to back", 1, 0, Shared: false, Webhooks: false, defaults, noCache),
        };

        // Each run works on clients no earlier run touched: the simulator keeps every run's writes (notes, new tickets),
        // which would make later runs' tickets and lists longer than the first's.
        var clients = await DiscoverAsync(rig, variants.Sum(v => v.Shared ? 1 : v.Assistants), cancellationToken);
        var nextClient = 0;
        var rows = new List<IReadOnlyList<string>>();
        var runs = new Dictionary<string, RunFigures>();
        var violations = new List<string>();
        string? breakdown = null;
        string? bytes = null;
        var upstream = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var mix = "";
        var callsPerScript = 0;
        var writesPerScript = 0;
        var referenceCalls = 0;
        foreach (var variant in variants)
        {
            await rig.RestartServerAsync(cancellationToken, variant.Args ?? variant.Lifetimes.Arguments());
            var tenant = variant.Webhooks ? withWebhooks : plain;
            await rig.SimApi.ConfigureWebhooksAsync(variant.Webhooks ? new Uri(rig.Server.BaseUrl, "/webhooks/halopsa/" + tenant.Id) : null, tenant, cancellationToken);
            await rig.SimApi.ResetStatsAsync(cancellationToken);
            var mine = clients.Skip(nextClient).Take(variant.Shared ? 1 : variant.Assistants).ToList();
            nextClient += mine.Count;
            var world = new MorningWorld(rig.SimApi, variant.Webhooks, variant.Lifetimes.Entity);
            var callers = Enumerable.Range(0, variant.Assistants).Select(_ => rig.Caller(tenant, connections: 4)).ToList();
            var scripts = Enumerable.Range(0, variant.Assistants)
                .Select(i => new MorningScript(callers[i], variant.Shared ? mine[0] : mine[i], i, variant.Pace, world,
                    colleague: !variant.Shared || i == 0, startMinute: variant.Shared ? i * StaggerMinutes : 0))
                .ToList();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(scripts.Select(s => s.RunAsync(cancellationToken)));
            var seconds = watch.Elapsed.TotalSeconds;
            callers.ForEach(c => c.Dispose());
            var stats = await rig.SimApi.StatsAsync(cancellationToken);
            var log = await rig.SimApi.RequestsAsync(cancellationToken);
            var deliveries = await rig.SimApi.DeliveriesAsync(cancellationToken);
            var calls = scripts.Sum(s => s.Calls);
            callsPerScript = scripts[0].Calls;
            writesPerScript = scripts[0].Writes;
            referenceCalls = scripts[0].ToolCounts.Where(kv => ReferenceTools.Contains(kv.Key)).Sum(kv => kv.Value);
            mix = string.Join(", ", scripts[0].ToolCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"`{kv.Key.Replace("halopsa_", "", StringComparison.Ordinal)}` {kv.Value}"));
            var scriptViolations = scripts.SelectMany(s => s.Violations).ToList();
            violations.AddRange(scriptViolations.Select(v => $"{variant.Title}: {v}"));
            var figures = new RunFigures(
                PerHundred: 100.0 * stats.BudgetCounted / calls,
                KilobytesPerMorning: scripts.Average(s => s.ResultBytes) / 1024.0,
                OwnWriteViolations: scriptViolations.Count(v => !v.Contains("UI", StringComparison.Ordinal)),
                WebhookViolations: scriptViolations.Count(v => v.Contains("after its webhook", StringComparison.Ordinal)),
                BoundViolations: scriptViolations.Count(v => v.Contains("past the bound", StringComparison.Ordinal)),
                ColleagueChecks: scripts.Sum(s => s.ColleagueChecks),
                Webhooks: variant.Webhooks);
            runs[variant.Key] = figures;
            rows.Add([variant.Title, calls.ToString(CultureInfo.InvariantCulture), scripts.Sum(s => s.Writes).ToString(CultureInfo.InvariantCulture),
                stats.BudgetCounted.ToString(CultureInfo.InvariantCulture), stats.Other.ToString(CultureInfo.InvariantCulture),
                $"**{Md.F(figures.PerHundred, 1)}**",
                $"{scripts.Sum(s => s.FromCache)} / {Md.F(scripts.Max(s => s.OldestAgeSeconds), 0)} s",
                $"{deliveries.Count(d => d.State == "delivered")} / {deliveries.Count}",
                $"{figures.ColleagueChecks} / {scripts.Sum(s => s.StaleWithinBound)}",
                Md.F(figures.KilobytesPerMorning, 1),
                stats.RateLimited.ToString(CultureInfo.InvariantCulture),
                scriptViolations.Count.ToString(CultureInfo.InvariantCulture), Md.F(seconds, 1)]);

            if (variant.Key is "paced_1" or "paced_5")
            {
                upstream[variant.Key] = log.Where(r => r.IsApi)
                    .GroupBy(r => $"{r.Method.ToUpperInvariant()} {NumericSegment().Replace(r.Path.ToLowerInvariant(), "/{id}")}")
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            }

            if (variant.Key == "paced_1")
            {
                string[] referencePaths = ["/api/status", "/api/priority", "/api/tickettype", "/api/team", "/api/agent", "/api/outcome", "/api/assettype"];
                runs["reference_upstream"] = figures with { PerHundred = log.Count(r => r.IsApi && r.Method == "GET" && referencePaths.Contains(r.Path.ToLowerInvariant())) };
                bytes = Md.Table(["tool", "calls", "KB of answers", "bytes per call"], scripts[0].ToolBytes
                    .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                    .Select(kv => (IReadOnlyList<string>)[$"`{kv.Key.Replace("halopsa_", "", StringComparison.Ordinal)}`",
                        scripts[0].ToolCounts[kv.Key].ToString(CultureInfo.InvariantCulture), Md.F(kv.Value / 1024.0, 1),
                        (kv.Value / scripts[0].ToolCounts[kv.Key]).ToString("N0", CultureInfo.InvariantCulture)]));
            }
        }

        if (upstream.TryGetValue("paced_1", out var one))
        {
            var five = upstream.GetValueOrDefault("paced_5") ?? [];
            breakdown = Md.Table(["upstream request", "paced, one assistant", "paced, five on one queue"], one.Keys.Union(five.Keys)
                .OrderByDescending(k => one.GetValueOrDefault(k)).ThenByDescending(k => five.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal)
                .Select(k => (IReadOnlyList<string>)[$"`{k}`", one.GetValueOrDefault(k).ToString(CultureInfo.InvariantCulture),
                    five.GetValueOrDefault(k).ToString(CultureInfo.InvariantCulture)]));
        }

        var markdown =
            $"The script (`bench/Scenarios/MorningScript.cs`) is {callsPerScript} tool calls by one assistant for one technician from 08:00 " +
            $"to 12:00 in six conversations: reference look-ups repeated in each conversation ({referenceCalls} calls to statuses, " +
            "priorities, ticket types, teams, agents, outcomes and asset types), the client's open tickets listed, a dozen existing " +
            $"tickets read with their actions (and some re-read later), clients searched, four assets and a contact read, and {writesPerScript} writes " +
            "(notes, status/priority/agent updates, three new tickets), each followed by the read an assistant makes to confirm it. " +
            "Four times a colleague changes one of the assistant's tickets in HaloPSA's UI (the simulator's out-of-band endpoint: no " +
            "request of ours, no budget) and the assistant reads it a minute later. Every read after a write or a colleague's change " +
            "is checked: after our own write it must show it; with webhooks it must show the colleague's change once the simulator has " +
            "sent its delivery; without webhooks it may show the old state only while the change is younger than the freshness bound. " +
            "Each assistant works on its own client (found before the run: the clients with the most open tickets, in that order, a " +
            "client never reused by a later run, since the simulator keeps each run's notes and new tickets), except on \"one " +
            $"queue\", where five assistants work the same client's tickets, starting {StaggerMinutes:0} minutes of morning apart (one colleague).\n\n" +
            $"Calls per tool in one assistant's morning: {mix}.\n\n" +
            "**Paced** runs play the morning on a clock 360× faster (one minute = 1/6 s, the whole morning 40 s) with every cache " +
            "lifetime divided by 360 as well (tickets and clients 30 s → 83 ms without webhooks and 1 h → 10 s with them; reference data " +
            "1 h → 10 s, and 24 h → 4 min with webhooks), so a look-up repeated an hour later finds its cache expired as it would in a " +
            "real morning: these are the figures of record. **Back to back** runs fire the same calls without pauses at the default " +
            "lifetimes (nothing expires). With **webhooks** the tenant has a webhook credential and the simulator's profile posts every " +
            "change (ours and the colleague's) to the server's receiver. The no-cache run is the same server with every lifetime 0. " +
            "Every run starts with a fresh server process (cold caches, no token).\n\n" +
            Md.Table(["run", "tool calls", "writes", "upstream `/api` requests", "token requests", "`/api` per 100 calls",
                "answers from cache / oldest shown", "webhooks delivered / sent", "colleague reads / stale within the bound",
                "KB of results per assistant's morning", "429s", "violations", "seconds"], rows) +
            (breakdown is null ? "" : "\nUpstream requests of the paced runs with webhooks (five assistants: all five together):\n\n" + breakdown) +
            (bytes is null ? "" : "\nAnswer bytes (the JSON-RPC message: text and structured content) per tool in the paced one-assistant run (webhooks):\n\n" + bytes) +
            (violations.Count == 0 ? "\nNo read after a write or a delivered change was stale, no read was older than the bound, and no call failed.\n" : "\n**Violations:**\n\n" + string.Join('\n', violations.Take(20).Select(v => "- " + v)) + "\n");

        RunFigures Run(string key) => runs.GetValueOrDefault(key) ?? new RunFigures(double.NaN, double.NaN, 1, 1, 1, 0, false);
        var measuredRuns = variants.Select(v => Run(v.Key)).ToList();
        return new ScenarioResult("\"Technician morning\": upstream HaloPSA requests per 100 tool calls, result bytes and freshness", markdown,
        [
            new("Technician morning", "one assistant, paced (webhooks)", "<= 70 per 100 calls", Md.F(Run("paced_1").PerHundred, 1), Run("paced_1").PerHundred <= 70),
            new("Technician morning", "one assistant, cold back to back (webhooks)", "<= 70 per 100 calls", Md.F(Run("b2b_1").PerHundred, 1), Run("b2b_1").PerHundred <= 70),
            new("Technician morning", "five assistants of one tenant on one queue, paced (webhooks)", "<= 35 per 100 calls", Md.F(Run("paced_5").PerHundred, 1), Run("paced_5").PerHundred <= 35),
            new("Technician morning", "five assistants of one tenant on one queue, cold back to back (webhooks)", "<= 35 per 100 calls", Md.F(Run("b2b_5").PerHundred, 1), Run("b2b_5").PerHundred <= 35),
            new("Technician morning", "reads after our own writes that were stale (every run)", "0", measuredRuns.Sum(r => r.OwnWriteViolations).ToString(CultureInfo.InvariantCulture), measuredRuns.Sum(r => r.OwnWriteViolations) == 0),
            new("Technician morning", "reads after a delivered webhook that were stale", "0", measuredRuns.Sum(r => r.WebhookViolations).ToString(CultureInfo.InvariantCulture), measuredRuns.Sum(r => r.WebhookViolations) == 0),
            new("Technician morning", "without webhooks, reads older than the bound", "0", measuredRuns.Sum(r => r.BoundViolations).ToString(CultureInfo.InvariantCulture), measuredRuns.Sum(r => r.BoundViolations) == 0),
            new("Technician morning", "result bytes per assistant's morning, paced (webhooks)", "<= 150 KB", $"{Md.F(Run("paced_1").KilobytesPerMorning, 1)} KB", Run("paced_1").KilobytesPerMorning <= 150),
        ])
        {
            Figures = new Dictionary<string, string>(variants.SelectMany(v => new[]
            {
                KeyValuePair.Create("morning." + v.Key, Md.F(Run(v.Key).PerHundred, 1)),
                KeyValuePair.Create("morning.kb_" + v.Key, Md.F(Run(v.Key).KilobytesPerMorning, 1)),
            }))
            {
                ["morning.calls"] = callsPerScript.ToString(CultureInfo.InvariantCulture),
                ["morning.writes"] = writesPerScript.ToString(CultureInfo.InvariantCulture),
                ["morning.mix"] = mix,
                ["morning.reference_calls"] = referenceCalls.ToString(CultureInfo.InvariantCulture),
                ["morning.reference_upstream"] = Md.F(runs.GetValueOrDefault("reference_upstream")?.PerHundred ?? double.NaN, 0),
            },
        };
    }

    private static readonly HashSet<string> ReferenceTools =
    [
        "halopsa_list_statuses", "halopsa_list_priorities", "halopsa_list_ticket_types", "halopsa_list_teams",
        "halopsa_list_agents", "halopsa_list_outcomes", "halopsa_list_asset_types",
    ];

    /// <summary>The clients with the most open tickets (at least 12) that have at least four assets.</summary>
    private static async Task<List<MorningClient>> DiscoverAsync(Rig rig, int count, CancellationToken cancellationToken)
    {
        using var caller = rig.Caller(connections: 8);
        var listed = await caller.CallAsync("halopsa_list_clients", new JsonObject { ["page_size"] = 100 }, cancellationToken);
        var candidates = listed.Structured!["items"]!.AsArray().Select(c => ((int)c!["id"]!, (string)c["name"]!)).ToList();
        var found = new List<(MorningClient Client, int Open)>();
        foreach (var (id, name) in candidates)
        {
            var open = await caller.CallAsync("halopsa_list_tickets", new JsonObject { ["client_id"] = id, ["open_only"] = true, ["page_size"] = 100 }, cancellationToken);
            var tickets = open.Structured?["items"]?.AsArray().Select(t => (int)t!["id"]!).ToList() ?? [];
            if (tickets.Count < 12)
            {
                continue;
            }

            var assets = await caller.CallAsync("halopsa_list_assets", new JsonObject { ["client_id"] = id, ["page_size"] = 10 }, cancellationToken);
            var assetIds = assets.Structured?["items"]?.AsArray().Select(t => (int)t!["id"]!).ToList() ?? [];
            if (assetIds.Count < 4)
            {
                continue;
            }

            var users = await caller.CallAsync("halopsa_list_users", new JsonObject { ["client_id"] = id, ["page_size"] = 5 }, cancellationToken);
            var userId = users.Structured?["items"]?.AsArray().Select(t => (int?)t!["id"]).FirstOrDefault();
            found.Add((new MorningClient(id, name, [.. tickets.Take(12)], [.. assetIds.Take(4)], userId), tickets.Count));
        }

        if (found.Count < count)
        {
            throw new InvalidOperationException($"Only {found.Count} clients have 12 open tickets and 4 assets; the morning needs {count}.");
        }

        return [.. found.OrderByDescending(f => f.Open).Take(count).Select(f => f.Client)];
    }

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumericSegment();

    /// <summary>One run of the morning.</summary>
    private sealed record Variant(string Key, string Title, int Assistants, double Pace, bool Shared, bool Webhooks, Lifetimes Lifetimes, string[]? Args = null);

    /// <summary>What one run measured, for the targets.</summary>
    private sealed record RunFigures(double PerHundred, double KilobytesPerMorning, int OwnWriteViolations, int WebhookViolations, int BoundViolations, int ColleagueChecks, bool Webhooks);

    /// <summary>The server's cache lifetimes for a run, and their command-line form.</summary>
    private sealed record Lifetimes(TimeSpan ReferenceData, TimeSpan ReferenceDataWithWebhooks, TimeSpan Entity, TimeSpan EntityWithWebhooks, TimeSpan Idempotency)
    {
        public Lifetimes Scaled(double factor) => new(ReferenceData / factor, ReferenceDataWithWebhooks / factor, Entity / factor, EntityWithWebhooks / factor, Idempotency / factor);

        public string[] Arguments() =>
        [
            $"--Caching:ReferenceDataTtl={ReferenceData:c}", $"--Caching:ReferenceDataTtlWithWebhooks={ReferenceDataWithWebhooks:c}",
            $"--Caching:EntityTtl={Entity:c}", $"--Caching:EntityTtlWithWebhooks={EntityWithWebhooks:c}", $"--Caching:IdempotencyWindow={Idempotency:c}",
        ];
    }
}
