using System.Diagnostics.Metrics;
using HaloMcp.Grains;
using HaloMcp.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HaloMcp.Silo.Tests;

/// <summary>A started silo on a manual clock with the test grain registered.</summary>
public sealed class SiloHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private bool _stopped;

    private SiloHarness(ServiceProvider services)
    {
        _services = services;
    }

    public ManualTimeProvider Clock => (ManualTimeProvider)_services.GetRequiredService<TimeProvider>();

    public GrainProbe Probe => _services.GetRequiredService<GrainProbe>();

    public IGrainFactory Grains => _services.GetRequiredService<IGrainFactory>();

    public IGrainRuntimeStatistics Statistics => _services.GetRequiredService<IGrainRuntimeStatistics>();

    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    internal SiloRuntime Runtime => _services.GetRequiredService<SiloRuntime>();

    public IHostedService Host => _services.GetRequiredService<IHostedService>();

    public static async Task<SiloHarness> StartAsync(Action<SiloOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddSingleton<GrainProbe>();
        services.AddSilo(configure).AddGrain<ITestGrain, TestGrain>();
        var harness = new SiloHarness(services.BuildServiceProvider(validateScopes: true));
        await harness.Host.StartAsync(CancellationToken.None);
        return harness;
    }

    public ITestGrain Grain(string key) => Grains.GetGrain<ITestGrain>(key);

    public async Task StopAsync()
    {
        _stopped = true;
        await Host.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Host.StopAsync(timeout.Token);
        }

        await _services.DisposeAsync();
    }
}
