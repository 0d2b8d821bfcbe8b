namespace HaloMcp.HaloSim;

/// <summary>An access token the simulator issued: its granted scopes and expiry.</summary>
internal sealed record SimToken(IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt);
