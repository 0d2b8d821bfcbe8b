namespace HaloMcp.Grains.OAuth;

/// <summary>Who a grant acts for: a tenant, signed in with one of its API keys or as one of its HaloPSA agents.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="ApiKeyDigest">SHA-256 of the API key the person signed in with (the form the key is configured in), or null.</param>
/// <param name="AgentId">The HaloPSA agent the person signed in as, or null.</param>
/// <param name="AgentName">That agent's name, for display.</param>
[GenerateSerializer, Immutable, Alias("halo.OAuth.GrantSubject")]
public sealed record GrantSubject(string TenantId, byte[]? ApiKeyDigest, int? AgentId = null, string? AgentName = null)
{
    /// <summary>Whether the grant acts as a HaloPSA agent (with that agent's own HaloPSA token).</summary>
    public bool IsAgent => AgentId is not null;
}
