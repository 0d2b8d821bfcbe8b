using System.Collections.Concurrent;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Grains.Upstream;

/// <summary>
/// One HaloPSA client per tenant, shared by that tenant's grains. A client holds no tenant state of its own: its
/// token source and request gate call the tenant grain, which owns the token and the budget. Rebuilt when the
/// tenant's settings change; forgotten when the tenant grain deactivates.
/// </summary>
public sealed class TenantHaloClients(
    IGrainFactory grains,
    IHttpClientFactory httpClients,
    IOptions<HaloClientOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, (TenantSettings Settings, HaloApiClient Client)> _clients = new(StringComparer.Ordinal);

    /// <summary>How many tenants have a client right now.</summary>
    public int Count => _clients.Count;

    /// <summary>The HaloPSA client of <paramref name="tenantId"/>, as its settings say now.</summary>
    public async Task<HaloApiClient> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var tenant = grains.GetGrain<ITenantUpstream>(tenantId);
        var settings = await tenant.GetSettingsAsync(cancellationToken).ConfigureAwait(false);
        if (_clients.TryGetValue(tenantId, out var entry) && entry.Settings.Equals(settings))
        {
            return entry.Client;
        }

        var client = new HaloApiClient(
            httpClients.CreateClient(HaloHttp.ClientName),
            ConnectionOf(settings),
            new TenantTokenSource(tenant),
            new TenantRequestGate(tenant),
            options.Value,
            time,
            loggers.CreateLogger<HaloApiClient>());
        _clients[tenantId] = (settings, client);
        return client;
    }

    /// <summary>Runs one operation against <paramref name="tenantId"/>'s HaloPSA, translating its failures.</summary>
    public async Task<T> CallAsync<T>(string tenantId, Func<HaloApiClient, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = await GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return await HaloErrorTranslator.RunAsync(() => call(client)).ConfigureAwait(false);
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
