using System.Collections.Frozen;
using System.Security.Cryptography;
using HaloMcp.Api.Auth;
using HaloMcp.Api.Mcp;
using HaloMcp.Api.Webhooks;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// The configured tenants and the API keys that act for them, swapped atomically whenever the configuration
/// reloads with a valid catalog.
/// </summary>
internal sealed partial class TenantCatalog : IDisposable
{
    private readonly ILogger<TenantCatalog> _logger;
    private readonly IDisposable? _subscription;
    private readonly Lock _gate = new();
    private Snapshot _snapshot;
    private CancellationTokenSource _reloaded = new();

    public TenantCatalog(IOptionsMonitor<TenantCatalogOptions> options, IOptions<McpHttpOptions> httpOptions, ILogger<TenantCatalog> logger)
    {
        _logger = logger;
        _snapshot = Snapshot.From(options.CurrentValue);
        LogLoaded(logger, _snapshot.ById.Count, _snapshot.Keys.Length);
        if (_snapshot.Keys.Length == 0 && !httpOptions.Value.GatewayMode)
        {
            LogNoKeys(logger);
        }

        _subscription = options.OnChange(Apply);
    }

    /// <summary>The number of configured tenants.</summary>
    public int Count => _snapshot.ById.Count;

    /// <summary>Whether any tenant lets its agents sign in with HaloPSA.</summary>
    public bool AnyAgentSignIn => _snapshot.ById.Values.Any(t => t.AgentSignIn is not null);

    /// <summary>Gets a configured tenant by id.</summary>
    public TenantSettings? Find(string tenantId) => _snapshot.ById.GetValueOrDefault(tenantId);

    /// <summary>The webhook credential of a configured tenant (username and password digest), or null when it has none.</summary>
    public WebhookCredential? FindWebhookCredential(string tenantId) => _snapshot.Webhooks.GetValueOrDefault(tenantId);

    /// <summary>
    /// Finds the tenant whose key this is. Every stored digest is compared in constant time and the loop never
    /// stops early, so neither timing nor the answer says which tenant a wrong key came close to.
    /// </summary>
    public TenantSettings? FindByApiKey(string apiKey)
    {
        var presented = ApiKeyHash.DigestOf(apiKey);
        TenantSettings? match = null;
        foreach (var (digest, tenant) in _snapshot.Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, presented))
            {
                match = tenant;
            }
        }

        return match;
    }

    /// <summary>
    /// Whether the API key whose SHA-256 is <paramref name="digest"/> still acts for <paramref name="tenantId"/>: a sign-in
    /// made with a key lasts only as long as the key is configured.
    /// </summary>
    public bool HasApiKey(string tenantId, byte[] digest)
    {
        var match = false;
        foreach (var (stored, tenant) in _snapshot.Keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(stored, digest) && tenant.TenantId == tenantId;
        }

        return match;
    }

    /// <summary>A token that fires after the next reload has been applied.</summary>
    public IChangeToken GetReloadToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_reloaded.Token);
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _reloaded.Dispose();
    }

    private void Apply(TenantCatalogOptions options)
    {
        var snapshot = Snapshot.From(options);
        CancellationTokenSource fired;
        lock (_gate)
        {
            _snapshot = snapshot;
            fired = _reloaded;
            _reloaded = new CancellationTokenSource();
        }

        LogReloaded(_logger, snapshot.ById.Count, snapshot.Keys.Length);
        fired.Cancel();
        fired.Dispose();
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Loaded {TenantCount} tenants with {KeyCount} API keys")]
    private static partial void LogLoaded(ILogger logger, int tenantCount, int keyCount);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "No tenant has an API key, so every request will be refused; configure Tenants (e.g. --tenants-file) with ApiKeyHashes")]
    private static partial void LogNoKeys(ILogger logger);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Tenant configuration reloaded: {TenantCount} tenants with {KeyCount} API keys")]
    private static partial void LogReloaded(ILogger logger, int tenantCount, int keyCount);

    private sealed record Snapshot(
        FrozenDictionary<string, TenantSettings> ById,
        (byte[] Digest, TenantSettings Tenant)[] Keys,
        FrozenDictionary<string, WebhookCredential> Webhooks)
    {
        public static Snapshot From(TenantCatalogOptions options)
        {
            var byId = new Dictionary<string, TenantSettings>(StringComparer.Ordinal);
            var keys = new List<(byte[], TenantSettings)>();
            var webhooks = new Dictionary<string, WebhookCredential>(StringComparer.Ordinal);
            foreach (var tenant in options.Tenants)
            {
                // The validator has already vouched for every field; a secret that vanished since is caught there too.
                var settings = tenant.ToSettings();
                byId[settings.TenantId] = settings;
                keys.AddRange(tenant.ApiKeyHashes.Select(h => (ApiKeyHash.ToDigest(h), settings)));
                if (tenant.Webhook is { Username: { } username, PasswordHash: { } hash })
                {
                    webhooks[settings.TenantId] = new WebhookCredential(username, ApiKeyHash.ToDigest(hash));
                }
            }

            return new Snapshot(byId.ToFrozenDictionary(StringComparer.Ordinal), [.. keys], webhooks.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
