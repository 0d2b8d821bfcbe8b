namespace HaloMcp.HaloSim.Auth;

/// <summary>What a redeemed code or a refresh gives: an access token and the refresh token that replaces the used one.</summary>
internal sealed record SignInTokens(string AccessToken, string RefreshToken, IReadOnlySet<string> Scopes, int AgentId);
