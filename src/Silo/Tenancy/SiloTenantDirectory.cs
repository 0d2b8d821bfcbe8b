using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Silo.Tenancy;

/// <summary>A silo process's <see cref="ITenantDirectory"/>: configured tenants, then gateway tenants sent sealed by the front ends.</summary>
/// <param name="configured">The tenants file and environment.</param>
/// <param name="gateway">Gateway tenants as the current call brought them.</param>
public sealed class SiloTenantDirectory(ConfiguredTenantDirectory configured, SealedGatewayTenants gateway) : ITenantDirectory
{
    /// <inheritdoc />
    public TenantSettings? Find(string tenantId) =>
        TenantIds.IsGateway(tenantId) ? gateway.Find(tenantId) : configured.Find(tenantId);
}
