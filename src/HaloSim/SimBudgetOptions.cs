namespace HaloMcp.HaloSim;

/// <summary>HaloPSA's per-tenant rolling-window rate limit as the simulator applies it.</summary>
public sealed class SimBudgetOptions
{
    /// <summary>Requests allowed within one window (real hosted tenants report 300).</summary>
    public int Requests { get; set; } = 300;

    /// <summary>Length of the rolling window in seconds (real hosted tenants report 5 minutes).</summary>
    public int WindowSeconds { get; set; } = 300;

    /// <summary>
    /// Whether 429 answers carry <c>Retry-After</c>. Off by default: no source shows HaloPSA sending it, and clients
    /// must cope without it.
    /// </summary>
    public bool SendRetryAfter { get; set; }
}
