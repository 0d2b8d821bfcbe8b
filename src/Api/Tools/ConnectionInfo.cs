namespace HaloMcp.Api.Tools;

/// <summary>What <c>halopsa_get_connection</c> returns.</summary>
/// <param name="TenantId">Our id for the tenant.</param>
/// <param name="HaloUrl">The HaloPSA instance URL; not shown for the demo's simulator, whose control endpoints need no credential.</param>
/// <param name="HaloTenant">The hosted tenant name sent on the token URL, if any.</param>
/// <param name="ClientId">The HaloPSA API application's client id.</param>
/// <param name="Scope">The scopes requested with tokens.</param>
/// <param name="BudgetRequests">Upstream requests allowed per window.</param>
/// <param name="BudgetWindowSeconds">The budget's rolling window in seconds.</param>
/// <param name="Simulated">True when the tenant is the demo's simulated HaloPSA.</param>
public sealed record ConnectionInfo(
    string TenantId,
    string? HaloUrl,
    string? HaloTenant,
    string ClientId,
    string Scope,
    int BudgetRequests,
    int BudgetWindowSeconds,
    bool? Simulated);
