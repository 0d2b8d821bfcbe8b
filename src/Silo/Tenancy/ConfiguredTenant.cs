namespace HaloMcp.Silo.Tenancy;

/// <summary>One tenant as a stand-alone silo's configuration names it (an entry of the <c>Tenants</c> section).</summary>
public sealed class ConfiguredTenant
{
    /// <summary>Our id for the tenant.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The HaloPSA web-app URL.</summary>
    public Uri? HaloUrl { get; set; }

    /// <summary>The HaloPSA API application's client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Its secret (from the environment, e.g. <c>Tenants__0__ClientSecret</c>, rather than a file).</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>The hosted tenant name, for Halo-hosted instances.</summary>
    public string? HaloTenant { get; set; }

    /// <summary>The authorisation server, when it is not <c>{HaloUrl}/auth</c>.</summary>
    public Uri? AuthUrl { get; set; }

    /// <summary>The scopes to request.</summary>
    public string Scope { get; set; } = "all";

    /// <summary>N: requests per window (0: HaloPSA's evidenced default of 300 per 5 minutes).</summary>
    public int BudgetRequests { get; set; }

    /// <summary>W, in seconds.</summary>
    public int BudgetWindowSeconds { get; set; }

    /// <summary>Redacts the secret.</summary>
    public override string ToString() => $"ConfiguredTenant {{ Id = {Id}, HaloUrl = {HaloUrl}, ClientId = {ClientId}, ClientSecret = *** }}";
}
