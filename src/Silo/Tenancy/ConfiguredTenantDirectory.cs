using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Configuration;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// The stand-alone silo's <see cref="ITenantDirectory"/>: the <c>Tenants</c> configuration section, read afresh on
/// every lookup so that a reloaded file takes effect at once. (The Api, which co-hosts a silo by default, brings its
/// own directory: its tenants file with API keys and secret sources.)
/// </summary>
/// <param name="configuration">The host's configuration.</param>
public sealed class ConfiguredTenantDirectory(IConfiguration configuration) : ITenantDirectory
{
    /// <inheritdoc />
    public TenantSettings? Find(string tenantId)
    {
        foreach (var section in configuration.GetSection("Tenants").GetChildren())
        {
            var tenant = section.Get<ConfiguredTenant>();
            if (tenant is { HaloUrl: { } url } && string.Equals(tenant.Id, tenantId, StringComparison.Ordinal))
            {
                var budget = tenant.BudgetRequests > 0 && tenant.BudgetWindowSeconds > 0
                    ? new RequestBudget(tenant.BudgetRequests, TimeSpan.FromSeconds(tenant.BudgetWindowSeconds))
                    : null;
                return new TenantSettings(tenant.Id, url, tenant.ClientId, tenant.ClientSecret, tenant.HaloTenant, tenant.AuthUrl, tenant.Scope, budget);
            }
        }

        return null;
    }
}
