namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// Where grains look up a tenant's settings. The host implements it from configuration (reloaded on change) and,
/// in gateway mode, from per-request credentials.
/// </summary>
public interface ITenantDirectory
{
    /// <summary>Gets the current settings of <paramref name="tenantId"/>, or null when no such tenant exists.</summary>
    TenantSettings? Find(string tenantId);
}
