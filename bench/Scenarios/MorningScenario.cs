using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HaloMcp.Bench.Scenarios;

/// <summary>
/// Upstream HaloPSA requests per 100 tool calls of the "technician morning" mix: cold (fresh server) by one
/// assistant, and by five assistants of one tenant at once, each on its own client.
/// </summary>
internal sealed partial class MorningScenario : IScenario
{
    // A four-hour morning (240 min) played in 40 s: 1/6 s per minute (a clock 360x faster), cache lifetimes scaled alike.
    private const double SecondsPerMinute = 1.0 / 6;

    public string Name => "morning";

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var tenant = new BenchTenant("morning", 10_000_000, 300);
        await using var rig = await Rig.StartAsync(context, new RigSettings { Tenants = [tenant] }, cancellationToken);
        var clients = await DiscoverAsync(rig, 5, cancellationToken);

        // The default TTLs (ReferenceDataOptions: reference data 1 h, entities 2 min, idempotency 10 min) divided by 360
        // like the clock. Keep these in step with the defaults.
        string[] scaled = ["--Caching:ReferenceDataTtl=00:00:10", "--Caching:EntityTtl=00:00:00.333", "--Caching:IdempotencyWindow=00:00:01.667"];
        string[] noCache = ["--Caching:ReferenceDataTtl=00:00:00", "--Caching:EntityTtl=00:00:00"];
        var variants = new List<(string Name, int Assistants, double Pace, string[] Args)>
        {
            ("cold, one assistant, paced morning", 1, SecondsPerMinute, scaled),
            ("cold, five assistants of one tenant at once, paced morning", 5, SecondsPerMinute, scaled),
            ("cold, one assistant, back to back (default TTLs)", 1, 0, []),
            ("cold, five assistants at once, back to back (default TTLs)", 5, 0, []),
            ("no caches (TTLs 0), one assistant, back to back", 1, 0, noCache),
        };
        var rows = new List<IReadOnlyList<string>>();
        var perHundred = new Dictionary<int, double>();
        var figures = new Dictionary<string, string>();
        var violations = new List<string>();
        string? breakdown = null;
        var writesPerScript = 0;
        var callsPerScript = 0;
        var mix = "";
        var referenceCalls = 0;
        foreach (var (name, assistants, pace, args) in variants)
        {
            await rig.RestartServerAsync(cancellationToken, args);
            await rig.SimApi.ResetStatsAsync(cancellationToken);
            var callers = Enumerable.Range(0, assistants).Select(_ => rig.Caller(connections: 4)).ToList();
            var scripts = Enumerable.Range(0, assistants).Select(i => new MorningScript(callers[i], clients[i], i, pace)).ToList();
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(scripts.Select(s => s.RunAsync(cancellationToken)));
            var seconds = watch.Elapsed.TotalSeconds;
            callers.ForEach(c => c.Dispose());
            var stats = await rig.SimApi.StatsAsync(cancellationToken);
            var log = await rig.SimApi.RequestsAsync(cancellationToken);
            var calls = scripts.Sum(s => s.Calls);
            callsPerScript = scripts[0].Calls;
            writesPerScript = scripts[0].Writes;
            referenceCalls = scripts[0].ToolCounts.Where(kv => ReferenceTools.Contains(kv.Key)).Sum(kv => kv.Value);
            mix = string.Join(", ", scripts[0].ToolCounts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => $"`{kv.Key.Replace("halopsa_", "", StringComparison.Ordinal)}` {kv.Value}"));
            var api = 100.0 * stats.BudgetCounted / calls;
            var all = 100.0 * stats.Total / calls;
            var readTickets = scripts.SelectMany(s => s.TicketsRead).ToHashSet();
            var fetched = log.Where(r => r.IsApi && r.Method == "GET").Select(r => TicketPath().Match(r.Path)).Where(x => x.Success)
                .Select(x => int.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
            var readUpstream = readTickets.Count(fetched.Contains);
            var scriptViolations = scripts.SelectMany(s => s.Violations).ToList();
            violations.AddRange(scriptViolations.Select(v => $"{name}: {v}"));
            rows.Add([name, calls.ToString(CultureInfo.InvariantCulture), scripts.Sum(s => s.Writes).ToString(CultureInfo.InvariantCulture),
                stats.BudgetCounted.ToString(CultureInfo.InvariantCulture), stats.Other.ToString(CultureInfo.InvariantCulture),
                $"**{Md.F(api, 1)}**", Md.F(all, 1), $"{readUpstream} / {readTickets.Count}", stats.RateLimited.ToString(CultureInfo.InvariantCulture),
                scriptViolations.Count.ToString(CultureInfo.InvariantCulture), Md.F(seconds, 1)]);
            if (pace > 0)
            {
                perHundred[assistants] = api;
            }

            var key = (pace > 0 ? "paced_" : args.Length > 0 && args[0].EndsWith("=00:00:00", StringComparison.Ordinal) ? "nocache_" : "b2b_") + assistants;
            figures["morning." + key] = Md.F(api, 1);

            if (breakdown is null && assistants == 1 && pace > 0)
            {
                string[] referencePaths = ["/api/status", "/api/priority", "/api/tickettype", "/api/team", "/api/agent", "/api/outcome", "/api/assettype"];
                figures["morning.reference_upstream"] = log.Count(r => r.IsApi && r.Method == "GET" && referencePaths.Contains(r.Path.ToLowerInvariant()))
                    .ToString(CultureInfo.InvariantCulture);
                figures["morning.reference_calls"] = referenceCalls.ToString(CultureInfo.InvariantCulture);
                breakdown = Md.Table(["upstream request", "count"], log.Where(r => r.IsApi)
                    .GroupBy(r => $"{r.Method.ToUpperInvariant()} {NumericSegment().Replace(r.Path.ToLowerInvariant(), "/{id}")}")
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (IReadOnlyList<string>)[$"`{g.Key}`", g.Count().ToString(CultureInfo.InvariantCulture)]));
            }
        }

        var markdown =
            $"The script (`bench/Scenarios/MorningScript.cs`) is {callsPerScript} tool calls by one assistant for one technician from 08:00 " +
            $"to 12:00 in six conversations: reference look-ups repeated in each conversation ({referenceCalls} calls to statuses, " +
            "priorities, ticket types, teams, agents, outcomes and asset types), the client's open tickets listed, a dozen existing " +
            $"tickets read with their actions (and some re-read later), clients searched, four assets and a contact read, and {writesPerScript} writes " +
            "(notes, status/priority/agent updates, three new tickets), each followed by the read an assistant makes to confirm it. " +
            "Every such read is checked against the write (a stale answer counts as a violation). Each assistant works on its own " +
            "client (found before the run: the clients with the most open tickets).\n\n" +
            $"Calls per tool in one assistant's morning: {mix}.\n\n" +
            "**Paced** runs play the morning on a clock 360× faster (one minute = 1/6 s, the whole morning 40 s) with the cache " +
            "lifetimes divided by 360 as well (reference data 1 h → 10 s, tickets/clients 2 min → 0.33 s), so a look-up repeated " +
            "more than an hour later finds its cache expired as it would in a real morning: these are the figures of record. **Back to back** " +
            "runs fire the same calls without pauses at the default lifetimes (a lower bound, since nothing expires). The no-cache run is " +
            "the same server with every lifetime 0: what a server without caches pays. Every run starts with a fresh server process " +
            "(cold caches, no token).\n\n" +
            Md.Table(["run", "tool calls", "writes", "upstream `/api` requests", "token requests", "`/api` per 100 calls", "all per 100 calls",
                "tickets read that were fetched upstream", "429s", "stale/failed", "seconds"], rows) +
            (breakdown is null ? "" : "\nUpstream requests of the paced one-assistant run:\n\n" + breakdown) +
            (violations.Count == 0 ? "\nNo read after a write was stale and no call failed.\n" : "\n**Violations:**\n\n" + string.Join('\n', violations.Take(20).Select(v => "- " + v)) + "\n");
        return new ScenarioResult("\"Technician morning\": upstream HaloPSA requests per 100 tool calls", markdown,
        [
            new("Technician morning", "cold, one assistant (paced)", "<= 70 per 100 calls", Md.F(perHundred.GetValueOrDefault(1, double.NaN), 1), perHundred.GetValueOrDefault(1, 999) <= 70),
            new("Technician morning", "five assistants sharing the tenant (paced)", "<= 50 per 100 calls", Md.F(perHundred.GetValueOrDefault(5, double.NaN), 1), perHundred.GetValueOrDefault(5, 999) <= 50),
            new("Technician morning", "reads after writes that were stale", "0", violations.Count.ToString(CultureInfo.InvariantCulture), violations.Count == 0),
        ])
        {
            Figures = new Dictionary<string, string>(figures)
            {
                ["morning.calls"] = callsPerScript.ToString(CultureInfo.InvariantCulture),
                ["morning.writes"] = writesPerScript.ToString(CultureInfo.InvariantCulture),
                ["morning.mix"] = mix,
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

    [GeneratedRegex(@"^/api/tickets/(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TicketPath();

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex NumericSegment();
}
