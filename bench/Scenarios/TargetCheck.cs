namespace HaloMcp.Bench.Scenarios;

/// <summary>One target of the issue and what was measured against it.</summary>
internal sealed record TargetCheck(string Scenario, string Metric, string Target, string Measured, bool Met);
