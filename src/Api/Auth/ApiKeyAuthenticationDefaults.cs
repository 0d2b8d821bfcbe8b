namespace HaloMcp.Api.Auth;

/// <summary>Names of the API-key authentication scheme and the claims it issues.</summary>
public static class ApiKeyAuthenticationDefaults
{
    /// <summary>The scheme: <c>Authorization: Bearer &lt;API key&gt;</c>, the key standing for one tenant.</summary>
    public const string AuthenticationScheme = "ApiKey";

    /// <summary>The claim that carries the tenant id (also issued as the name identifier).</summary>
    public const string TenantClaim = "halomcp:tenant";
}
