using HaloMcp.Silo.Ops;
using Orleans.Dashboard;

namespace Orleans.Hosting;

/// <summary>The operations pages on a cluster's front end (an Orleans client): the silos carry the data (<c>AddHaloOps</c> on each).</summary>
public static class OpsClientBuilderExtensions
{
    /// <summary>Adds the Orleans dashboard's client part, with the log stream hidden unless <see cref="OpsDashboard.LogStreamKey"/>.</summary>
    public static IClientBuilder AddHaloOps(this IClientBuilder client)
    {
        client.AddDashboard();
        OpsDashboard.ConfigureLogStream(client.Services);
        return client;
    }
}
