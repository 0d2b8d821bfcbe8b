namespace HaloMcp.Bench.Scenarios;

/// <summary>A scenario's section of <c>docs/perf.md</c> and its targets.</summary>
internal sealed record ScenarioResult(string Title, string Markdown, IReadOnlyList<TargetCheck> Targets);
