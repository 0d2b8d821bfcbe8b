using System.Runtime.CompilerServices;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Silo.Tenancy;
using Orleans;
using Orleans.Runtime;

namespace HaloMcp.Api.Tenancy;

/// <summary>
/// A front end of a cluster: a grain call for a gateway tenant this front end knows (the tenant id is the grain's key
/// or its key extension) carries the tenant's settings, sealed with the cluster's key, in its request context, so a
/// grain on any silo can reach the tenant's HaloPSA (<see cref="SealedGatewayTenants"/>). Settings are sealed once per
/// version of them; configured tenants' calls carry nothing.
/// </summary>
/// <param name="gateway">The gateway tenants this front end has seen.</param>
/// <param name="seal">Seals with the cluster's key.</param>
internal sealed class GatewayTenantForwarding(GatewayTenants gateway, TenantSettingsSeal seal) : IOutgoingGrainCallFilter
{
    private readonly ConditionalWeakTable<TenantSettings, byte[]> _sealed = [];

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        if (TenantOf(context.TargetId) is { } tenantId && TenantIds.IsGateway(tenantId) && gateway.Find(tenantId) is { } settings)
        {
            RequestContext.Set(SealedGatewayTenants.RequestContextKey, _sealed.GetValue(settings, seal.Seal));
        }

        return context.Invoke();
    }

    // Tenant-keyed grains have the tenant id as their key; entity grains as the extension of an integer key ("{id}+{tenant}").
    private static string? TenantOf(GrainId grain)
    {
        var key = grain.Key.ToString();
        var plus = key.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? key : key[(plus + 1)..];
    }
}
