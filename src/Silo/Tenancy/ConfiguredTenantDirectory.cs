using System.Collections.Frozen;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// The configured tenants as a silo process reads them: the <c>Tenants</c> section of the same tenants file and
/// environment the front ends read (secrets from their own sources on each node), swapped whole when a reload passes
/// the rules. (The Api, which co-hosts a silo by default, brings its own directory with the API keys.)
/// </summary>
public sealed class ConfiguredTenantDirectory : ITenantDirectory, IDisposable
{
    private readonly IDisposable? _subscription;
    private FrozenDictionary<string, TenantSettings> _tenants;

    /// <summary>Reads the tenants now and again on every valid reload.</summary>
    public ConfiguredTenantDirectory(IOptionsMonitor<TenantCatalogOptions> options)
    {
        _tenants = Snapshot(options.CurrentValue);
        _subscription = options.OnChange(o => _tenants = Snapshot(o));
    }

    /// <summary>How many tenants are configured.</summary>
    public int Count => _tenants.Count;

    /// <inheritdoc />
    public TenantSettings? Find(string tenantId) => _tenants.GetValueOrDefault(tenantId);

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();

    private static FrozenDictionary<string, TenantSettings> Snapshot(TenantCatalogOptions options) =>
        options.Tenants.Select(t => t.ToSettings()).ToFrozenDictionary(s => s.TenantId, StringComparer.Ordinal);
}
