using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Silo.Tenancy;

/// <summary>
/// One tenant as configured (an element of the <c>Tenants</c> array). Exactly one of <see cref="ClientSecret"/>,
/// <see cref="ClientSecretFile"/> and <see cref="ClientSecretEnv"/> gives the HaloPSA secret; the latter two keep it
/// out of the JSON file. Every node of a cluster reads the same tenants (front ends for the API keys, silos for the
/// HaloPSA settings), so a secret never travels between them.
/// </summary>
public sealed class TenantOptions
{
    /// <summary>Our id for the tenant: 1–64 characters from <c>[A-Za-z0-9_.-]</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The HaloPSA web-app URL (the API is at <c>{HaloUrl}/api</c>).</summary>
    public string? HaloUrl { get; set; }

    /// <summary>The authorisation server, when it is not <c>{HaloUrl}/auth</c>.</summary>
    public string? AuthUrl { get; set; }

    /// <summary>For Halo-hosted instances, the tenant name sent as <c>?tenant=</c> on the token URL.</summary>
    public string? HaloTenant { get; set; }

    /// <summary>The HaloPSA API application's client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The HaloPSA API application's secret, inline (prefer the file or environment variable).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A file whose contents (trimmed) are the secret, e.g. a mounted container secret.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The name of an environment variable that holds the secret.</summary>
    public string? ClientSecretEnv { get; set; }

    /// <summary>The scopes requested with the token; <c>all</c> when unset.</summary>
    public string? Scope { get; set; }

    /// <summary>The tenant's request budget; HaloPSA's evidenced default when unset.</summary>
    public TenantBudgetOptions? Budget { get; set; }

    /// <summary>
    /// Whether nothing may be written through HaloMcp: every key and every token of the tenant sees only the read tools.
    /// </summary>
    public bool ReadOnly { get; set; }

    /// <summary>HaloPSA agent sign-in on the consent page (off when unset).</summary>
    public AgentSignInOptions? AgentSignIn { get; set; }

    /// <summary>The credential of the tenant's HaloPSA webhook profile; unset when its HaloPSA posts no webhooks.</summary>
    public TenantWebhookOptions? Webhook { get; set; }

    /// <summary>Hashes (<c>sha256:&lt;64 hex&gt;</c>, see <c>hash-key</c>) of the API keys that act for this tenant.</summary>
    public IList<string> ApiKeyHashes { get; } = [];

    /// <summary>What the grains know of this tenant (the options must have passed <see cref="TenantConfigurationRules"/>).</summary>
    public TenantSettings ToSettings() => new(
        TenantId: Id!,
        HaloBaseUrl: new Uri(HaloUrl!.TrimEnd('/')),
        ClientId: ClientId!,
        ClientSecret: TenantSecretSource.TryResolve(this, out _) ?? string.Empty,
        HaloTenant: string.IsNullOrWhiteSpace(HaloTenant) ? null : HaloTenant,
        AuthUrl: string.IsNullOrWhiteSpace(AuthUrl) ? null : new Uri(AuthUrl),
        Scope: string.IsNullOrWhiteSpace(Scope) ? "all" : Scope,
        Budget: Budget is { } b ? new RequestBudget(b.Requests, TimeSpan.FromSeconds(b.WindowSeconds)) : null,
        ReadOnly: ReadOnly,
        AgentSignIn: AgentSignIn is { ClientId: { Length: > 0 } signInClient } signIn
            ? new AgentSignInApplication(
                signInClient,
                string.IsNullOrWhiteSpace(signIn.ClientSecret) ? null : signIn.ClientSecret,
                string.IsNullOrWhiteSpace(signIn.Scope) ? "all offline_access" : signIn.Scope)
            : null,
        ReceivesWebhooks: Webhook is not null);
}
