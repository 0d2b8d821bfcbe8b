namespace HaloMcp.Bench.Scenarios;

/// <summary>One measured scenario: starts what it needs, measures, stops it again.</summary>
internal interface IScenario
{
    /// <summary>Short name for <c>--only</c>.</summary>
    string Name { get; }

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
