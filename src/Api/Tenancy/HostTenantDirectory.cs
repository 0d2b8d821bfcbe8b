using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Tenancy;

/// <summary>The HTTP host's <see cref="ITenantDirectory"/>: configured tenants first, then gateway-derived ones.</summary>
internal sealed class HostTenantDirectory(TenantCatalog catalog, GatewayTenants gateway) : ITenantDirectory
{
    public TenantSettings? Find(string tenantId) => catalog.Find(tenantId) ?? gateway.Find(tenantId);
}
