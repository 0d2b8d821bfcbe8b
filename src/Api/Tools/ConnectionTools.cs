using System.ComponentModel;
using HaloMcp.Api.Tenancy;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools;

/// <summary>Tells the caller which HaloPSA instance this connection acts on, without contacting it.</summary>
[McpServerToolType]
public sealed class ConnectionTools
{
    /// <summary>Describes the caller's tenant: id, HaloPSA URL, client id, scope and request budget. Never the secret.</summary>
    [McpServerTool(Name = "halopsa_get_connection", Title = "Show the HaloPSA connection", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("Shows which HaloPSA instance and API application this MCP connection uses, and its request budget. Does not contact HaloPSA.")]
    public static ConnectionInfo GetConnection(TenantContext tenant)
    {
        var settings = tenant.Settings;
        var budget = settings.EffectiveBudget;
        return new ConnectionInfo(
            settings.TenantId,
            settings.HaloBaseUrl.ToString().TrimEnd('/'),
            settings.HaloTenant,
            settings.ClientId,
            settings.Scope,
            budget.Requests,
            (int)budget.Window.TotalSeconds);
    }
}
