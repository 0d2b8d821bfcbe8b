using System.Buffers;
using HaloMcp.Api.Auth;
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
    private static readonly HashSet<string> KnownSettings = new(
        typeof(TenantOptions).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> KnownBudgetSettings = new(
        typeof(TenantBudgetOptions).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> KnownAgentSignInSettings = new(
        typeof(AgentSignInOptions).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> KnownWebhookSettings = new(
        typeof(TenantWebhookOptions).GetProperties().Select(p => p.Name), StringComparer.OrdinalIgnoreCase);

    private static readonly SearchValues<char> IdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    public ValidateOptionsResult Validate(string? name, TenantCatalogOptions options)
    {
        var errors = new List<string>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var hashes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Tenants.Count; i++)
        {
            var tenant = options.Tenants[i];
            var label = $"Tenants[{i}]" + (string.IsNullOrWhiteSpace(tenant.Id) ? string.Empty : $" ('{tenant.Id}')");
            if (string.IsNullOrWhiteSpace(tenant.Id) || tenant.Id.Length > 64 || tenant.Id.AsSpan().ContainsAnyExcept(IdCharacters))
            {
                errors.Add($"{label}: Id is required: 1-64 characters from A-Z, a-z, 0-9, '_', '.', '-'");
            }
            else if (tenant.Id.StartsWith(GatewayTenants.IdPrefix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{label}: Id must not start with '{GatewayTenants.IdPrefix}', which gateway-derived tenants use");
            }
            else if (!ids.Add(tenant.Id))
            {
                errors.Add($"{label}: Id is used by more than one tenant");
            }

            if (!IsHttpUrl(tenant.HaloUrl))
            {
                errors.Add($"{label}: HaloUrl is required and must be an absolute http(s) URL");
            }

            if (tenant.AuthUrl is not null && !IsHttpUrl(tenant.AuthUrl))
            {
                errors.Add($"{label}: AuthUrl must be an absolute http(s) URL when set");
            }

            if (string.IsNullOrWhiteSpace(tenant.ClientId))
            {
                errors.Add($"{label}: ClientId is required");
            }

            if (TenantSecretSource.TryResolve(tenant, out var secretError) is null)
            {
                errors.Add($"{label}: {secretError}");
            }

            if (tenant.Budget is { } budget && (budget.Requests <= 0 || budget.WindowSeconds <= 0))
            {
                errors.Add($"{label}: Budget.Requests and Budget.WindowSeconds must both be positive");
            }

            if (tenant.AgentSignIn is { } signIn && string.IsNullOrWhiteSpace(signIn.ClientId))
            {
                errors.Add($"{label}: AgentSignIn.ClientId is required (the HaloPSA application agents sign in through)");
            }

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

        // A misspelt key would otherwise be dropped silently by the binder.
        foreach (var tenant in configuration.GetSection(TenantCatalogOptions.SectionName).GetChildren())
        {
            foreach (var setting in tenant.GetChildren().Where(c => !KnownSettings.Contains(c.Key)))
            {
                errors.Add($"Tenants[{tenant.Key}]: unknown setting '{setting.Key}'");
            }

            foreach (var setting in tenant.GetSection(nameof(TenantOptions.Budget)).GetChildren().Where(c => !KnownBudgetSettings.Contains(c.Key)))
            {
                errors.Add($"Tenants[{tenant.Key}]: unknown setting 'Budget:{setting.Key}'");
            }

            foreach (var setting in tenant.GetSection(nameof(TenantOptions.AgentSignIn)).GetChildren().Where(c => !KnownAgentSignInSettings.Contains(c.Key)))
            {
                errors.Add($"Tenants[{tenant.Key}]: unknown setting 'AgentSignIn:{setting.Key}'");
            }

            foreach (var setting in tenant.GetSection(nameof(TenantOptions.Webhook)).GetChildren().Where(c => !KnownWebhookSettings.Contains(c.Key)))
            {
                errors.Add($"Tenants[{tenant.Key}]: unknown setting 'Webhook:{setting.Key}'");
            }
        }

        if (errors.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        LogRejected(logger, errors.Count, string.Join("; ", errors));
        return ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Tenant configuration rejected ({ErrorCount} errors): {Errors}. The previous configuration stays in force.")]
    private static partial void LogRejected(ILogger logger, int errorCount, string errors);
}
