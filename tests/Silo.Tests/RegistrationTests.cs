using HaloMcp.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void Options_bind_from_the_Silo_section_and_code_configuration_wins()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Silo:IdleTimeout"] = "00:05:00",
                ["Silo:DefaultCallTimeout"] = "00:00:10",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSilo(o => o.CollectionSweepPeriod = TimeSpan.FromSeconds(7)).AddGrain<ITestGrain, TestGrain>();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SiloOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(5), options.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.DefaultCallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(7), options.CollectionSweepPeriod);
        Assert.NotNull(provider.GetRequiredService<IGrainFactory>().GetGrain<ITestGrain>("x"));
    }

    [Fact]
    public void A_grain_interface_with_a_non_task_method_is_rejected_at_startup()
    {
        var services = new ServiceCollection();
        services.AddSilo().AddGrain<IBadGrain, BadGrain>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<NotSupportedException>(() => provider.GetRequiredService<IGrainFactory>());
        Assert.Contains("IBadGrain.Compute", error.Message, StringComparison.Ordinal);
    }
}
