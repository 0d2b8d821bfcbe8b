namespace HaloMcp.Bench.Scenarios;

/// <summary>How to start one simulator + server pair.</summary>
internal sealed record RigSettings
{
    /// <summary>The tenants; the first is the one most scenarios drive.</summary>
    public required IReadOnlyList<BenchTenant> Tenants { get; init; }

    /// <summary>Requests per window of the simulator's <c>demo</c> instance.</summary>
    public int SimBudgetRequests { get; init; } = 10_000_000;

    /// <summary>Window of the simulator's budget in seconds.</summary>
    public int SimBudgetWindowSeconds { get; init; } = 300;

    /// <summary>Extra server configuration (<c>--Key=Value</c>).</summary>
    public IReadOnlyList<string> ServerArgs { get; init; } = [];

    /// <summary>
    /// 0: the server co-hosts its silo (embedded, the default). More: a cluster of that many silo processes on a Redis
    /// of its own, and the server is their front end (an Orleans client).
    /// </summary>
    public int Silos { get; init; }

    /// <summary>Extra silo configuration (<c>--Key=Value</c>), cluster mode only.</summary>
    public IReadOnlyList<string> SiloArgs { get; init; } = [];
}
