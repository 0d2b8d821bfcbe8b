namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// The HaloPSA agent a call acts as, carried in Orleans' <see cref="RequestContext"/> from the Api through every grain
/// call the request makes: HaloPSA requests made for it use that agent's own token (its permissions, its audit) and
/// still count against the tenant's budget. Absent, a call acts as the tenant's API application.
/// </summary>
public static class ActingAgent
{
    private const string SessionKey = "halo.agent.session";
    private const string AgentKey = "halo.agent.id";

    /// <summary>The agent sign-in (session id) the current call acts for, or null for the tenant's own application.</summary>
    public static string? SessionId => RequestContext.Get(SessionKey) as string;

    /// <summary>
    /// Who cached reads belong to: null for the tenant's application, else the agent (or, before HaloPSA has said which
    /// agent signed in, the sign-in). HaloPSA applies permissions per agent, so reads are never shared across these.
    /// </summary>
    public static string? CacheIdentity =>
        SessionId is not { } session ? null
        : RequestContext.Get(AgentKey) is int agent && agent > 0 ? "agent:" + agent.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : "session:" + session;

    /// <summary>Makes the current call (and every grain call it makes) act for the sign-in <paramref name="sessionId"/>.</summary>
    public static void Set(string sessionId, int? agentId)
    {
        RequestContext.Set(SessionKey, sessionId);
        if (agentId is > 0)
        {
            RequestContext.Set(AgentKey, agentId.Value);
        }
        else
        {
            RequestContext.Remove(AgentKey);
        }
    }

    /// <summary>Makes the current call act for the tenant's own application again (e.g. for a load shared by everyone).</summary>
    public static void Clear()
    {
        RequestContext.Remove(SessionKey);
        RequestContext.Remove(AgentKey);
    }
}
