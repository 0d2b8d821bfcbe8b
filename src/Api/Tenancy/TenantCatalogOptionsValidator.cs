using HaloMcp.Api.Auth;
using HaloMcp.Silo;
using HaloMcp.Silo.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// Checks the tenant configuration on load and on every reload. Errors name the tenant (by index and id) and the
/// field, never a secret. A rejected reload keeps the previous catalog in force; the rejection is logged.
/// </summary>
internal sealed partial class TenantCatalogOptionsValidator(IConfiguration configuration, ILogger<TenantCatalogOptionsValidator> logger)
    : IValidateOptions<TenantCatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, TenantCatalogOptions options)
    {
        // The rules every node applies (a silo reads the same tenants), then the front end's own: the API keys. A front end
        // of a cluster never calls HaloPSA, so it needs no HaloPSA secret.
        var errors = new List<string>();
        TenantConfigurationRules.Check(options, configuration, errors, requireSecrets: !HaloOrleansConfiguration.IsRedisCluster(configuration));
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Tenants.Count; i++)
        {
            var tenant = options.Tenants[i];
            var label = TenantConfigurationRules.Label(i, tenant);
            if (tenant.Webhook is { } webhook)
            {
                if (string.IsNullOrWhiteSpace(webhook.Username) || webhook.Username.Contains(':', StringComparison.Ordinal) || webhook.Username.Length > 100)
                {
                    errors.Add($"{label}: Webhook.Username is required with a webhook credential: 1-100 characters, no ':' (Basic authentication cannot carry one)");
                }

                if (!ApiKeyHash.IsWellFormed(webhook.PasswordHash))
                {
                    errors.Add($"{label}: Webhook.PasswordHash must look like 'sha256:' followed by 64 hex digits (run 'hash-key' to make one from the profile's password)");
                }
            }

            foreach (var hash in tenant.ApiKeyHashes)
            {
                if (!ApiKeyHash.IsWellFormed(hash))
                {
                    errors.Add($"{label}: ApiKeyHashes entries must look like 'sha256:' followed by 64 hex digits (run 'hash-key' to make one)");
                }
                else if (!hashes.TryAdd(hash, label))
                {
                    errors.Add($"{label}: an API key hash is also configured for {hashes[hash]}; each key acts for one tenant");
                }
            }
        }

        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        LogRejected(logger, errors.Count, string.Join("; ", errors));
        return ValidateOptionsResult.Fail(errors);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Tenant configuration rejected ({ErrorCount} errors): {Errors}. The previous configuration stays in force.")]
    private static partial void LogRejected(ILogger logger, int errorCount, string errors);
}
