namespace HaloMcp.Grains.Reference;

/// <summary>An agent with the fields a person reads.</summary>
/// <param name="Id">The agent id.</param>
/// <param name="Name">The agent's name.</param>
/// <param name="Email">Email address.</param>
/// <param name="JobTitle">Job title.</param>
/// <param name="Phone">Phone number.</param>
/// <param name="Team">Main team.</param>
/// <param name="Teams">Every team the agent belongs to.</param>
/// <param name="Roles">Roles.</param>
/// <param name="IsDisabled">Whether the agent is disabled.</param>
/// <param name="IsApiAgent">Whether this is an API agent.</param>
[GenerateSerializer, Immutable, Alias("halo.Reference.AgentDetail")]
public sealed record AgentDetail(
    int Id,
    string Name,
    string? Email,
    string? JobTitle,
    string? Phone,
    string? Team,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    bool IsApiAgent);
