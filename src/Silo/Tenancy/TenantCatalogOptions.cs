namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// Every configured tenant: the <c>Tenants</c> configuration array, from the tenants file
/// (<c>--tenants-file</c> or the <c>TenantsFile</c> key) and/or environment variables
/// (<c>Tenants__0__Id</c>, ...). Reloaded when the configuration changes.
/// </summary>
public sealed class TenantCatalogOptions
{
    /// <summary>The configuration key of the tenant array.</summary>
    public const string SectionName = "Tenants";

    /// <summary>The configured tenants.</summary>
    public IList<TenantOptions> Tenants { get; } = [];
}
