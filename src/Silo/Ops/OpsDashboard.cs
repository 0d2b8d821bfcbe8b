using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace HaloMcp.Silo.Ops;

/// <summary>The Orleans dashboard as HaloMcp configures it, wherever it is added (a silo, or a cluster's front end).</summary>
public static class OpsDashboard
{
    /// <summary>
    /// Configuration key that turns the dashboard's log stream on (default off): it streams every log line of the
    /// process, every tenant's included, to whoever has the dashboard open.
    /// </summary>
    public const string LogStreamKey = "Ops:Dashboard:LogStream";

    /// <summary>Hides the dashboard's log stream unless <see cref="LogStreamKey"/> is true.</summary>
    public static IServiceCollection ConfigureLogStream(IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().Configure<IConfiguration>((options, configuration) =>
            options.HideTrace = !configuration.GetValue<bool>(LogStreamKey));
        return services;
    }
}
