using HaloMcp.Grains;
using HaloMcp.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo.Tests;

public sealed class HostIntegrationTests
{
    [Fact]
    public async Task The_silo_runs_inside_a_generic_host_with_configuration()
    {
        var clock = new ManualTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Silo:IdleTimeout"] = "00:02:00";
        builder.Configuration["Silo:CollectionSweepPeriod"] = "00:00:30";
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<GrainProbe>();
        builder.Services.AddSilo().AddGrain<ITestGrain, TestGrain>();
        using var host = builder.Build();
        var probe = host.Services.GetRequiredService<GrainProbe>();
        await host.StartAsync().Guard();

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(1, await grains.GetGrain<ITestGrain>("hosted").IncrementAsync().Guard());
        Assert.Equal(TimeSpan.FromMinutes(2), host.Services.GetRequiredService<IOptions<SiloOptions>>().Value.IdleTimeout);

        clock.Advance(TimeSpan.FromMinutes(2.5));
        await host.Services.GetRequiredService<SiloRuntime>().LastIdleCollection.Guard();
        Assert.Contains("deactivate:hosted:IdleCollection", probe.Events);

        Assert.Equal(1, await grains.GetGrain<ITestGrain>("hosted").IncrementAsync().Guard());
        await host.StopAsync().Guard();
        Assert.Contains("deactivate:hosted:ShuttingDown", probe.Events);
        await Assert.ThrowsAsync<SiloUnavailableException>(() => grains.GetGrain<ITestGrain>("hosted").IncrementAsync().Guard());
    }
}
