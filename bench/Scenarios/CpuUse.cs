namespace HaloMcp.Bench.Scenarios;

/// <summary>Cores in use on average (1.0 = one core busy all the time).</summary>
internal sealed record CpuUse(double Server, double Sim, double Generator);
