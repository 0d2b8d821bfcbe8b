using System.Collections.Concurrent;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// A silo's view of gateway tenants: their settings exist only on the front end that received the credentials, which
/// sends them sealed (<see cref="TenantSettingsSeal"/>) in the request context of every grain call for that tenant
/// (<see cref="RequestContextKey"/>; Orleans carries it on to the grain calls those grains make). Opened settings are
/// remembered per tenant (the most recently used <see cref="Capacity"/>), and opened again only when what arrives
/// differs from what was opened last.
/// </summary>
/// <param name="seal">Opens sealed settings.</param>
/// <param name="logger">Logs settings that cannot be opened.</param>
public sealed partial class SealedGatewayTenants(TenantSettingsSeal seal, ILogger<SealedGatewayTenants> logger)
{
    /// <summary>The request-context key a gateway tenant's sealed settings travel under.</summary>
    public const string RequestContextKey = "halo.gateway-tenant";

    /// <summary>How many gateway tenants a silo remembers.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _tenants = new(StringComparer.Ordinal);

    /// <summary>The settings of gateway tenant <paramref name="tenantId"/>, from the current call or remembered.</summary>
    public TenantSettings? Find(string tenantId)
    {
        _tenants.TryGetValue(tenantId, out var known);
        if (RequestContext.Get(RequestContextKey) is byte[] arrived && (known is null || !arrived.AsSpan().SequenceEqual(known.Sealed)))
        {
            if (seal.Unseal(tenantId, arrived) is { } settings)
            {
                known = new Entry(arrived, settings);
                _tenants[tenantId] = known;
                Trim();
            }
            else
            {
                LogNotOpened(logger, tenantId, seal.HasKey ? "they were sealed with another key, or for another tenant" : "Orleans:SealingKey is not set on this silo");
            }
        }

        if (known is null)
        {
            return null;
        }

        known.LastUsed = Environment.TickCount64;
        return known.Settings;
    }

    private void Trim()
    {
        var excess = _tenants.Count - Capacity;
        if (excess > 0)
        {
            foreach (var stale in _tenants.OrderBy(e => e.Value.LastUsed).Take(excess))
            {
                _tenants.TryRemove(stale.Key, out _);
            }
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "The sealed settings of gateway tenant {TenantId} cannot be opened: {Reason}")]
    private static partial void LogNotOpened(ILogger logger, string tenantId, string reason);

    private sealed class Entry(byte[] sealedBytes, TenantSettings settings)
    {
        public byte[] Sealed { get; } = sealedBytes;

        public TenantSettings Settings { get; } = settings;

        public long LastUsed { get; set; } = Environment.TickCount64;
    }
}
