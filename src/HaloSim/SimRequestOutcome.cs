namespace HaloMcp.HaloSim;

/// <summary>What the request log needs to know about a request as it is handled.</summary>
internal sealed class SimRequestOutcome
{
    public bool BudgetCounted { get; set; }

    public bool Aborted { get; set; }

    /// <summary>The API application the request came from (its token's, or the token request's client).</summary>
    public string? ClientId { get; set; }

    /// <summary>The signed-in agent the request acts as; null for an application's own token.</summary>
    public int? AgentId { get; set; }

    /// <summary>Records the request now (before an abort); set by the dispatcher.</summary>
    public Action? Record { get; set; }
}
