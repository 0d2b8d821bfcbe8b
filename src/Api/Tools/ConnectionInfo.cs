using System.Text.Json.Serialization;

namespace HaloMcp.Api.Tools;

/// <summary>What <c>halopsa_get_connection</c> returns.</summary>
/// <param name="TenantId">Our id for the tenant.</param>
/// <param name="HaloUrl">The HaloPSA instance URL.</param>
/// <param name="HaloTenant">The hosted tenant name sent on the token URL, if any.</param>
/// <param name="ClientId">The HaloPSA API application's client id.</param>
/// <param name="Scope">The scopes requested with tokens.</param>
/// <param name="BudgetRequests">Upstream requests allowed per window.</param>
/// <param name="BudgetWindowSeconds">The budget's rolling window in seconds.</param>
public sealed record ConnectionInfo(
    [property: JsonPropertyName("tenant_id")] string TenantId,
    [property: JsonPropertyName("halo_url")] string HaloUrl,
    [property: JsonPropertyName("halo_tenant")] string? HaloTenant,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("budget_requests")] int BudgetRequests,
    [property: JsonPropertyName("budget_window_seconds")] int BudgetWindowSeconds);
