namespace HaloMcp.Grains.Reference;

/// <summary>An agent (technician).</summary>
/// <param name="Id">The agent id.</param>
/// <param name="Name">The agent's name.</param>
/// <param name="Email">Email address.</param>
/// <param name="Team">The agent's main team.</param>
/// <param name="TeamIds">Every team the agent belongs to.</param>
/// <param name="IsDisabled">Whether the agent is disabled.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.AgentInfo")]
public sealed record AgentInfo(
    int Id,
    string Name,
    string? Email,
    string? Team,
    IReadOnlyList<int> TeamIds,
    bool IsDisabled);
