namespace HaloMcp.HaloSim.Auth;

/// <summary>An access token the simulator issued: its granted scopes, expiry, and the agent it acts as.</summary>
/// <param name="Scopes">The granted scopes.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="AgentId">The signed-in agent (authorization-code grant); null for an API application's own token.</param>
/// <param name="ClientId">The API application it was issued to.</param>
/// <param name="FamilyId">The sign-in it descends from (one authorization code and its refreshes), for revoking them together.</param>
internal sealed record SimToken(IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt, int? AgentId = null, string? ClientId = null, string? FamilyId = null);
