namespace HaloMcp.HaloSim;

/// <summary>
/// Who a write is attributed to (an action's <c>who</c>, <c>who_agentid</c>, <c>actionby_agent_id</c>).
/// </summary>
/// <param name="AgentId">The agent.</param>
/// <param name="Signed">
/// True when an agent signed in (an authorization-code token, or a technician in the UI): the write is theirs whatever
/// the body claims. False for an API application's token, which writes as its API agent unless the body names another.
/// </param>
internal sealed record SimActor(int AgentId, bool Signed)
{
    /// <summary>The API application's own agent: HaloPSA runs client-credentials calls as the application's agent.</summary>
    public static readonly SimActor ApiApplication = new(1, Signed: false);
}
