using System.Buffers;
using Microsoft.Extensions.Configuration;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// The rules every node applies to the tenant configuration (front ends add their API-key rules). Errors name the
/// tenant (by index and id) and the field, never a secret.
/// </summary>
public static class TenantConfigurationRules
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

    /// <summary>The label errors use for tenant <paramref name="index"/>.</summary>
    public static string Label(int index, TenantOptions tenant) =>
        $"Tenants[{index}]" + (string.IsNullOrWhiteSpace(tenant.Id) ? string.Empty : $" ('{tenant.Id}')");

    /// <summary>
    /// Adds to <paramref name="errors"/> what is wrong with the tenants and with the keys of their section. The HaloPSA
    /// secret must resolve only where <paramref name="requireSecrets"/> (on the nodes that call HaloPSA: silos, and an Api
    /// that co-hosts its silo; a front end of a cluster never needs it).
    /// </summary>
    public static void Check(TenantCatalogOptions options, IConfiguration configuration, ICollection<string> errors, bool requireSecrets = true)
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Tenants.Count; i++)
        {
            var tenant = options.Tenants[i];
            var label = Label(i, tenant);
            if (string.IsNullOrWhiteSpace(tenant.Id) || tenant.Id.Length > 64 || tenant.Id.AsSpan().ContainsAnyExcept(IdCharacters))
            {
                errors.Add($"{label}: Id is required: 1-64 characters from A-Z, a-z, 0-9, '_', '.', '-'");
            }
            else if (tenant.Id.StartsWith(TenantIds.GatewayPrefix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{label}: Id must not start with '{TenantIds.GatewayPrefix}', which gateway-derived tenants use");
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

            if (requireSecrets && TenantSecretSource.TryResolve(tenant, out var secretError) is null)
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
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
