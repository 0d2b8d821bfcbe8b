namespace HaloMcp.Bench.Scenarios;

/// <summary>One request in the simulator's log (<c>GET /_sim/requests/{instance}</c>).</summary>
internal sealed record SimRequest(string Method, string Path, string Query, int Status, long StartedUs, long EndedUs, bool BudgetCounted)
{
    public bool IsApi => Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase);
}
