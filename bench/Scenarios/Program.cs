using System.Diagnostics;
using HaloMcp.Bench.Scenarios;

var repo = FindRepoRoot();
var quick = false;
string? only = null;
string? output = null;
string? micro = null;
string? command = null;
var refreshNotes = false;
string? serverDll = null;
string? figures = null;
string? compare = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick": quick = true; break;
        case "--only": only = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "--repo": repo = Path.GetFullPath(args[++i]); break;
        case "--micro-results": micro = args[++i]; break;
        case "--command": command = args[++i]; break;
        case "--refresh-notes": refreshNotes = true; break;
        case "--server-dll": serverDll = Path.GetFullPath(args[++i]); break;
        case "--figures": figures = Path.GetFullPath(args[++i]); break;
        case "--side-by-side": compare = Path.GetFullPath(args[++i]); break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--quick] [--only cached,uncached,morning,size,tenants,overload,cluster] [--out docs/perf.md] [--micro-results DIR] [--command TEXT] [--refresh-notes] [--server-dll DLL] [--figures FILE] [--side-by-side DIR]");
            return 2;
    }
}

var context = new BenchContext(
    repo,
    quick,
    Path.GetFullPath(output ?? Path.Combine(repo, "docs/perf.md")),
    Path.GetFullPath(micro ?? Path.Combine(repo, "bench/results/micro/results")),
    command ?? "bench/run.sh")
{
    ServerDll = serverDll,
    FiguresFile = figures,
};
if (compare is not null)
{
    SideBySideReport.Write(context, compare);
    Console.WriteLine($"Wrote the side-by-side section of {context.OutputPath}");
    return 0;
}

if (refreshNotes)
{
    PerfReport.RefreshNotes(context);
    Console.WriteLine($"Refreshed the notes in {context.OutputPath}");
    return 0;
}

foreach (var dll in new[] { context.ApiDll, context.SimDll, context.SiloDll })
{
    if (!File.Exists(dll))
    {
        Console.Error.WriteLine($"{dll} is missing: build Release first (bench/run.sh does).");
        return 1;
    }
}

IScenario[] all = [new CachedReadScenario(), new UncachedReadScenario(), new MorningScenario(), new ResultSizeScenario(), new TenantScaleScenario(), new OverloadScenario(), new ClusterScenario()];
var selected = only is null ? all : [.. all.Where(s => only.Split(',').Contains(s.Name, StringComparer.OrdinalIgnoreCase))];
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};

var machine = MachineFacts.Collect();
var started = DateTimeOffset.UtcNow;
var results = new List<ScenarioResult>();
var failed = new List<string>();
foreach (var scenario in selected)
{
    Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {scenario.Name} ...");
    var watch = Stopwatch.StartNew();
    // One retry: a scenario that fails (a port taken between probe and bind, a one-off hiccup) is run again from
    // scratch, and the report says so.
    string? firstFailure = null;
    for (var attempt = 1; attempt <= 2; attempt++)
    {
        try
        {
            var result = await scenario.RunAsync(context, cts.Token);
            if (firstFailure is not null)
            {
                result = result with { Markdown = result.Markdown + $"\n_The first attempt of this scenario failed (`{firstFailure}`); these are the second attempt's figures._\n" };
            }

            results.Add(result);
            foreach (var t in result.Targets)
            {
                Console.WriteLine($"    {t.Metric}: {t.Measured} (target {t.Target}) {(t.Met ? "met" : "MISSED")}");
            }

            break;
        }
        catch (Exception ex) when (!cts.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{scenario.Name} failed (attempt {attempt}): {ex}");
            firstFailure = $"{ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
            if (attempt == 2)
            {
                failed.Add(scenario.Name);
                results.Add(new ScenarioResult(scenario.Name, $"**This scenario failed in this run:** `{firstFailure}`\n", []));
            }
        }
    }

    Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {scenario.Name} done in {watch.Elapsed.TotalSeconds:0} s");
}

PerfReport.Write(context, machine, started, DateTimeOffset.UtcNow, results);
Console.WriteLine($"Wrote {context.OutputPath}");
return failed.Count == 0 ? 0 : 1;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "HaloMcp.Orleans.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
