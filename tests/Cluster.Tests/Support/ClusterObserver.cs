using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>
/// An Orleans client of the cluster in the test process, which asks Orleans' management grain what runs where
/// (activations, the silo that hosts a grain, the active silos). It sends no tool calls.
/// </summary>
internal sealed class ClusterObserver : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterObserver(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    private IManagementGrain Management => Client.GetGrain<IManagementGrain>(0);

    public static async Task<ClusterObserver> ConnectAsync(IReadOnlyDictionary<string, string?> clusterSettings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(clusterSettings);
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseHaloCluster());
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return new ClusterObserver(host);
    }

    /// <summary>The silo ports of the active silos, as membership has them.</summary>
    public async Task<IReadOnlyList<int>> ActiveSiloPortsAsync()
    {
        var hosts = await Management.GetHosts(onlyActive: true);
        return [.. hosts.Keys.Select(s => s.Endpoint.Port).Order()];
    }

    /// <summary>The silo port of the silo that hosts <paramref name="grain"/> now, or null when it has no activation.</summary>
    public async Task<int?> HostOfAsync(IAddressable grain) => (await Management.GetActivationAddress(grain))?.Endpoint.Port;

    /// <summary>Activations of grain class <paramref name="grainClass"/> (e.g. "TenantGrain") per silo port, with their keys.</summary>
    public async Task<IReadOnlyList<(int SiloPort, string Key)>> ActivationsAsync(string grainClass)
    {
        var statistics = await Management.GetDetailedGrainStatistics();
        return [.. statistics
            .Where(s => ClassOf(s.GrainType) == grainClass)
            .Select(s => (s.SiloAddress.Endpoint.Port, s.GrainId.Key.ToString()!))];
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _host.Dispose();
    }

    // Orleans names a grain type "Namespace.Class,Assembly".
    private static string ClassOf(string grainType)
    {
        var type = grainType.Split(',', 2)[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
