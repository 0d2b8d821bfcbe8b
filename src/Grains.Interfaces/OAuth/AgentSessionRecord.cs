namespace HaloMcp.Grains.OAuth;

/// <summary>
/// A HaloPSA agent's sign-in, as stored: the agent's HaloPSA tokens are kept encrypted (AES-GCM, bound to the session
/// id), never in the clear.
/// </summary>
/// <param name="TenantId">The tenant whose HaloPSA the agent signed in to.</param>
/// <param name="AgentId">The agent (0 until HaloPSA has said who signed in).</param>
/// <param name="AgentName">The agent's name.</param>
/// <param name="ProtectedAccessToken">The agent's HaloPSA access token, encrypted.</param>
/// <param name="AccessExpiresAt">When that token expires.</param>
/// <param name="Scope">The scopes HaloPSA granted.</param>
/// <param name="ProtectedRefreshToken">The agent's HaloPSA refresh token, encrypted; null when HaloPSA gave none.</param>
/// <param name="SignInClientId">The HaloPSA API application the agent signed in through.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.AgentSessionRecord")]
public sealed record AgentSessionRecord(
    string TenantId,
    int AgentId,
    string AgentName,
    byte[] ProtectedAccessToken,
    DateTimeOffset AccessExpiresAt,
    string Scope,
    byte[]? ProtectedRefreshToken,
    string SignInClientId);
