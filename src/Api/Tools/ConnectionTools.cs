using System.ComponentModel;
using HaloMcp.Api.Hosting;
using HaloMcp.Api.Tenancy;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools;

/// <summary>Tells the caller which HaloPSA instance this connection acts on, without contacting it.</summary>
[McpServerToolType]
public sealed class ConnectionTools(TenantContext tenant, IOptions<DemoOptions> demo)
{
    [McpServerTool(Name = "halopsa_get_connection", Title = "Show the HaloPSA connection", ReadOnly = true, OpenWorld = false, UseStructuredContent = true)]
    [Description("This connection's HaloPSA instance, API application and budget (no HaloPSA call).")]
    public ConnectionInfo GetConnection()
    {
        var settings = tenant.Settings;
        var budget = settings.EffectiveBudget;
        var simulated = demo.Value.Enabled && settings.TenantId == DemoEnvironment.TenantId;
        return new ConnectionInfo(
            settings.TenantId,
            simulated ? null : settings.HaloBaseUrl.ToString().TrimEnd('/'),
            settings.HaloTenant,
            settings.ClientId,
            settings.Scope,
            budget.Requests,
            (int)budget.Window.TotalSeconds,
            simulated ? true : null);
    }
}
