namespace HaloMcp.Grains.HaloPsa;

/// <summary>An agent's tokens from HaloPSA's authorization-code or refresh-token grant.</summary>
/// <param name="Access">The access token (acts as the agent).</param>
/// <param name="RefreshToken">The refresh token (single use: each refresh answers a new one); null when none was given.</param>
public sealed record HaloAgentTokens(HaloAccessToken Access, string? RefreshToken)
{
    /// <summary>Describes the tokens without their values.</summary>
    public override string ToString() => $"HaloAgentTokens {{ Access = {Access}, RefreshToken = {(RefreshToken is null ? "(none)" : "***")} }}";
}
