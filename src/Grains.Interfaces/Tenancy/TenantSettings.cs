namespace HaloMcp.Grains.Tenancy;

/// <summary>
/// What the grains need to know about one tenant's HaloPSA instance: where it is, how to authenticate, and how
/// many requests it may spend. Supplied by the host (configuration, or per-request headers in gateway mode).
/// </summary>
/// <param name="TenantId">Our id for the tenant; every grain key, cache key and log scope carries it.</param>
/// <param name="HaloBaseUrl">The HaloPSA web-app URL; the API is at <c>{HaloBaseUrl}/api</c>.</param>
/// <param name="ClientId">The HaloPSA API application's client id.</param>
/// <param name="ClientSecret">The HaloPSA API application's secret. Never logged or returned.</param>
/// <param name="HaloTenant">For Halo-hosted instances, the tenant name sent as <c>?tenant=</c> on the token URL.</param>
/// <param name="AuthUrl">The authorisation server, when it is not <c>{HaloBaseUrl}/auth</c>.</param>
/// <param name="Scope">The scopes requested with the token; HaloPSA needs <c>all</c> unless the app is restricted.</param>
/// <param name="Budget">The tenant's HaloPSA request budget.</param>
/// <param name="ReadOnly">Whether nothing may be written to this tenant's HaloPSA, whoever signs in.</param>
/// <param name="AgentSignIn">The HaloPSA application the tenant's agents sign in through; null when agent sign-in is off.</param>
/// <param name="ReceivesWebhooks">
/// Whether the tenant's HaloPSA posts its changes to HaloMcp as webhooks: its caches are then kept current by them, and
/// live longer, as a net for a delivery that was lost, than the short bound that holds without them.
/// </param>
public sealed record TenantSettings(
    string TenantId,
    Uri HaloBaseUrl,
    string ClientId,
    string ClientSecret,
    string? HaloTenant = null,
    Uri? AuthUrl = null,
    string Scope = "all",
    RequestBudget? Budget = null,
    bool ReadOnly = false,
    AgentSignInApplication? AgentSignIn = null,
    bool ReceivesWebhooks = false)
{
    /// <summary>The budget in force: the configured one or HaloPSA's evidenced default.</summary>
    public RequestBudget EffectiveBudget => Budget ?? RequestBudget.Default;

    /// <summary>Redacts the secret so that settings can be logged safely.</summary>
    public override string ToString() =>
        $"TenantSettings {{ TenantId = {TenantId}, HaloBaseUrl = {HaloBaseUrl}, ClientId = {ClientId}, ClientSecret = ***, HaloTenant = {HaloTenant}, Scope = {Scope}, Budget = {EffectiveBudget}, ReadOnly = {ReadOnly}, AgentSignIn = {AgentSignIn}, ReceivesWebhooks = {ReceivesWebhooks} }}";
}
