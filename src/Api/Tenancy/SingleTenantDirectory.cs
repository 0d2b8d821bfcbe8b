using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Tenancy;

/// <summary>The stdio host's <see cref="ITenantDirectory"/>: the one tenant from the environment.</summary>
internal sealed class SingleTenantDirectory(TenantSettings tenant) : ITenantDirectory
{
    public TenantSettings Tenant => tenant;

    public TenantSettings? Find(string tenantId) => tenantId == tenant.TenantId ? tenant : null;
}
