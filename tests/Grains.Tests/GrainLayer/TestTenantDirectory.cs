using System.Collections.Concurrent;
using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>The host's tenant directory as a test configures it: fixed tenants, and optionally any tenant id at all.</summary>
public sealed class TestTenantDirectory : ITenantDirectory
{
    private readonly ConcurrentDictionary<string, TenantSettings> _tenants = new(StringComparer.Ordinal);

    /// <summary>Settings for tenant ids that were not added one by one (null: unknown tenant).</summary>
    public Func<string, TenantSettings?>? Fallback { get; set; }

    public void Add(TenantSettings settings) => _tenants[settings.TenantId] = settings;

    public TenantSettings? Find(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var settings) ? settings : Fallback?.Invoke(tenantId);
}
