using System.Collections.Concurrent;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Upstream;

/// <summary>
/// One HaloPSA client per tenant on this silo, shared by that tenant's grains. A client holds no tenant state: each of
/// its attempts is admitted by the tenant grain (permit and token in one call), whose token also decides the URL the
/// attempt goes to. The client is built from the tenant's settings in this silo's directory (no grain call) and
/// rebuilt when they change; it is forgotten when the tenant grain deactivates here.
/// </summary>
public sealed class TenantHaloClients(
    ITenantDirectory directory,
    IHttpClientFactory httpClients,
    IOptions<HaloClientOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, (HaloConnection Connection, HaloApiClient Client)> _clients = new(StringComparer.Ordinal);

    /// <summary>How many tenants have a client right now.</summary>
    public int Count => _clients.Count;

    /// <summary>The HaloPSA client of <paramref name="tenantId"/>, as its settings say now.</summary>
    /// <exception cref="HaloOperationException">The tenant is not configured.</exception>
    public HaloApiClient Get(string tenantId)
    {
        var settings = directory.Find(tenantId)
            ?? throw new HaloOperationException(HaloFailureKind.UnknownTenant, "This tenant is not configured (any more).");
        var connection = ConnectionOf(settings);
        if (_clients.TryGetValue(tenantId, out var entry) && entry.Connection == connection)
        {
            return entry.Client;
        }

        var client = new HaloApiClient(
            httpClients.CreateClient(HaloHttp.ClientName),
            connection,
            options.Value,
            time,
            loggers.CreateLogger<HaloApiClient>(),
            tenantId);
        _clients[tenantId] = (connection, client);
        return client;
    }

    /// <summary>Runs one operation against <paramref name="tenantId"/>'s HaloPSA, translating its failures.</summary>
    public Task<T> CallAsync<T>(string tenantId, Func<HaloApiClient, Task<T>> call)
    {
        var client = Get(tenantId);
        return HaloErrorTranslator.RunAsync(() => call(client));
    }

    /// <summary>Forgets the client of <paramref name="tenantId"/>.</summary>
    public void Forget(string tenantId) => _clients.TryRemove(tenantId, out _);

    /// <summary>The HaloPSA connection a tenant's settings describe.</summary>
    public static HaloConnection ConnectionOf(TenantSettings settings) => new(
        settings.HaloBaseUrl.ToString().TrimEnd('/'),
        settings.ClientId,
        settings.ClientSecret,
        settings.AuthUrl?.ToString(),
        settings.HaloTenant,
        settings.Scope);
}
