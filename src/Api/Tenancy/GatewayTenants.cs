using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// Tenants whose HaloPSA credentials arrived in gateway headers. Each gets an id derived from the instance URL,
/// the client id and the secret, so that a caller who knows a client id but not its secret lands on a different
/// tenant (and so never shares another caller's cached token or data). The most recently used are remembered so
/// grains can find their settings.
/// </summary>
internal sealed class GatewayTenants(IOptionsMonitor<McpHttpOptions> options, TimeProvider time)
{
    /// <summary>Every derived id starts with this; configured ids may not.</summary>
    public const string IdPrefix = TenantIds.GatewayPrefix;

    private readonly ConcurrentDictionary<string, Entry> _tenants = new(StringComparer.Ordinal);

    public TenantSettings Register(Uri haloUrl, string clientId, string clientSecret, string? haloTenant, string? scope)
    {
        var id = DeriveId(haloUrl, clientId, clientSecret, haloTenant);
        var now = time.GetTimestamp();
        var entry = _tenants.AddOrUpdate(
            id,
            _ => new Entry(new TenantSettings(id, haloUrl, clientId, clientSecret, haloTenant, Scope: scope ?? "all"), now),
            (_, existing) => existing with { LastUsed = now, Settings = existing.Settings with { Scope = scope ?? "all" } });
        Trim();
        return entry.Settings;
    }

    public TenantSettings? Find(string tenantId) => _tenants.TryGetValue(tenantId, out var entry) ? entry.Settings : null;

    internal static string DeriveId(Uri haloUrl, string clientId, string clientSecret, string? haloTenant)
    {
        var material = string.Join('\n', haloUrl.GetLeftPart(UriPartial.Path).TrimEnd('/').ToLowerInvariant(), clientId, clientSecret, haloTenant ?? string.Empty);
        return IdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)).AsSpan(0, 16));
    }

    private void Trim()
    {
        var excess = _tenants.Count - Math.Max(1, options.CurrentValue.MaxGatewayTenants);
        if (excess <= 0)
        {
            return;
        }

        foreach (var stale in _tenants.OrderBy(e => e.Value.LastUsed).Take(excess))
        {
            _tenants.TryRemove(stale.Key, out _);
        }
    }

    private sealed record Entry(TenantSettings Settings, long LastUsed);
}
