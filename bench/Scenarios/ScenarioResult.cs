namespace HaloMcp.Bench.Scenarios;

/// <summary>A scenario's section of <c>docs/perf.md</c>, its targets, and named figures the notes can quote.</summary>
internal sealed record ScenarioResult(string Title, string Markdown, IReadOnlyList<TargetCheck> Targets)
{
    /// <summary>Figures by name (e.g. <c>cached.p99_64</c>), substituted for <c>{{name}}</c> in <c>bench/perf-notes.md</c>.</summary>
    public IReadOnlyDictionary<string, string> Figures { get; init; } = new Dictionary<string, string>();
}
