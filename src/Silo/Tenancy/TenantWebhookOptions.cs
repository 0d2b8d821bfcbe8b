namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// The credential a tenant's HaloPSA webhook profile sends (Basic authentication, as HaloPSA's Configuration &gt;
/// Integrations &gt; Webhooks offers it) to <c>POST /webhooks/halopsa/{tenant id}</c>. Configuring it tells HaloMcp that
/// the tenant's HaloPSA posts its changes, so that its caches may live longer (see the <c>Caching</c> options).
/// </summary>
public sealed class TenantWebhookOptions
{
    /// <summary>The profile's Basic username.</summary>
    public string? Username { get; set; }

    /// <summary>The hash (<c>sha256:&lt;64 hex&gt;</c>, see <c>hash-key</c>) of the profile's Basic password, at least 32 characters long.</summary>
    public string? PasswordHash { get; set; }
}
