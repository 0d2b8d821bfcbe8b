namespace HaloMcp.HaloSim.Auth;

/// <summary>
/// How a simulated agent signs in at <c>/auth/authorize</c>. Simulator-only and deterministic: the username is the
/// agent's email, the password is <c>{instance}-agent-{id}</c>. Disabled agents cannot sign in.
/// </summary>
/// <param name="AgentId">The agent's id.</param>
/// <param name="Name">The agent's name.</param>
/// <param name="Username">What to type as the username (the agent's email; case-insensitive).</param>
/// <param name="Password">What to type as the password.</param>
/// <param name="Disabled">Whether the agent is disabled (sign-in refused).</param>
public sealed record SimAgentLogin(int AgentId, string Name, string Username, string Password, bool Disabled);
