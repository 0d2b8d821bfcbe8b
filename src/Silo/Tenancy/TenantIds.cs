namespace HaloMcp.Silo.Tenancy;

/// <summary>How tenant ids are told apart.</summary>
public static class TenantIds
{
    /// <summary>Every gateway-derived tenant id starts with this; configured ids may not.</summary>
    public const string GatewayPrefix = "gw-";

    /// <summary>Whether <paramref name="tenantId"/> names a tenant whose credentials came in gateway headers.</summary>
    public static bool IsGateway(string tenantId) => tenantId.StartsWith(GatewayPrefix, StringComparison.Ordinal);
}
