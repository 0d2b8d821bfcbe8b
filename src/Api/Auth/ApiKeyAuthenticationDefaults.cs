namespace HaloMcp.Api.Auth;

/// <summary>Names of the API-key authentication scheme and the claims it issues.</summary>
public static class ApiKeyAuthenticationDefaults
{
    /// <summary>The scheme: <c>Authorization: Bearer &lt;API key&gt;</c>, the key standing for one tenant.</summary>
    public const string AuthenticationScheme = "ApiKey";

    /// <summary>The claim that carries the tenant id (also issued as the name identifier).</summary>
    public const string TenantClaim = "halomcp:tenant";

    /// <summary>The claim with the caller's scopes (space-separated): <c>halopsa:read</c>, and <c>halopsa:write</c> when it may write.</summary>
    public const string ScopeClaim = "scope";

    /// <summary>The claim with the OAuth grant an access token belongs to (absent for API keys).</summary>
    public const string GrantClaim = "halomcp:grant";

    /// <summary>The claim with the HaloPSA agent a sign-in acts as (absent unless the person signed in to HaloPSA).</summary>
    public const string AgentClaim = "halomcp:agent";
}
