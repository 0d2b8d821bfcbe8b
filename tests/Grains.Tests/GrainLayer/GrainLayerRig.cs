using HaloMcp.Grains.Activation;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Upstream;
using HaloMcp.HaloSim;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// The grain layer as a cluster runs it, against the simulator over real HTTP: HaloSim on Kestrel at a random loopback
/// port and an Orleans test cluster of two silos with the HaloPSA grains, all on one <see cref="FakeTimeProvider"/>
/// (Orleans' own membership and messaging stay on real time). Each simulated instance is a tenant of the same name
/// whose budget is the instance's own. Calls enter through either silo: <see cref="Entry"/>.
/// </summary>
public sealed class GrainLayerRig : IAsyncDisposable
{
    /// <summary>Where the fake clock starts (a Monday morning).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private GrainLayerRig(FakeTimeProvider clock, HaloSimHost sim, IReadOnlyList<SimInstanceOptions> instances, InProcessTestCluster cluster, TestTenantDirectory tenants, UpstreamRecorder upstream)
    {
        Clock = clock;
        Sim = sim;
        Instances = instances;
        Cluster = cluster;
        Tenants = tenants;
        Upstream = upstream;
    }

    public FakeTimeProvider Clock { get; }

    public HaloSimHost Sim { get; }

    /// <summary>The simulated instances' settings, as started.</summary>
    public IReadOnlyList<SimInstanceOptions> Instances { get; }

    public InProcessTestCluster Cluster { get; }

    /// <summary>The grain factory of the first silo (calls from it reach grains on either silo).</summary>
    public IGrainFactory Grains => Entry(0);

    public TestTenantDirectory Tenants { get; }

    /// <summary>Every /api request the grains sent to HaloPSA, in the order they left.</summary>
    public UpstreamRecorder Upstream { get; }

    public static async Task<GrainLayerRig> StartAsync(Action<GrainLayerRigOptions>? configure = null)
    {
        var options = new GrainLayerRigOptions();
        configure?.Invoke(options);
        if (options.Instances.Count == 0)
        {
            options.Instances.Add(GrainLayerRigOptions.Instance("acme"));
        }

        var clock = new FakeTimeProvider(Start);
        var sim = await HaloSimHost.StartAsync(new HaloSimOptions { Instances = [.. options.Instances] }, clock, NullLoggerFactory.Instance);
        try
        {
            return await StartClusterAsync(options, clock, sim);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    private static async Task<GrainLayerRig> StartClusterAsync(GrainLayerRigOptions options, FakeTimeProvider clock, HaloSimHost sim)
    {
        var tenants = new TestTenantDirectory();
        foreach (var instance in options.Instances)
        {
            tenants.Add(SettingsFor(sim, instance.Name, instance));
        }

        var upstream = new UpstreamRecorder();
        var builder = new InProcessTestClusterBuilder(2);
        builder.Options.InitializeClientOnDeploy = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<ITenantDirectory>(tenants);
            options.Storage?.Invoke(silo);
            silo.AddHaloGrains();
            silo.Services.Configure<HaloClientOptions>(o =>
            {
                // Attempt and overall timeouts run on the fake clock too; keep them out of the way of clock jumps.
                o.AttemptTimeout = TimeSpan.FromHours(12);
                o.ReadDeadline = TimeSpan.FromDays(1);
                o.WriteDeadline = TimeSpan.FromDays(1);
                o.BaseDelay = TimeSpan.Zero;
                options.Client?.Invoke(o);
            });
            silo.Services.Configure<BudgetEnforcementOptions>(o => options.Budget?.Invoke(o));
            silo.Services.Configure<ReferenceDataOptions>(o => options.Caching?.Invoke(o));
            silo.Services.Configure<EntityActivationOptions>(o => options.EntityActivations?.Invoke(o));
            silo.Services.AddHttpClient(HaloHttp.ClientName).AddHttpMessageHandler(sp => upstream.CreateHandler(sp.GetRequiredService<ILocalSiloDetails>().SiloAddress));
            options.Silo?.Invoke(silo);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return new GrainLayerRig(clock, sim, options.Instances, cluster, tenants, upstream);
    }

    /// <summary>The grain factory of silo <paramref name="i"/> modulo the silo count: tests spread their callers over both.</summary>
    public IGrainFactory Entry(int i) => Cluster.Silos[i % Cluster.Silos.Count].ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>A service of silo <paramref name="i"/>.</summary>
    public T Service<T>(int i = 0)
        where T : notnull => Cluster.Silos[i % Cluster.Silos.Count].ServiceProvider.GetRequiredService<T>();

    /// <summary>
    /// The settings of tenant <paramref name="tenantId"/> on simulated <paramref name="instance"/>, with the instance's
    /// own budget (HaloPSA's N per W).
    /// </summary>
    public static TenantSettings SettingsFor(HaloSimHost sim, string tenantId, SimInstanceOptions instance) =>
        new(
            tenantId,
            sim.InstanceUrl(instance.Name),
            instance.ClientId,
            instance.ClientSecret,
            Budget: new RequestBudget(instance.Budget.Requests, TimeSpan.FromSeconds(instance.Budget.WindowSeconds)));

    public SimInstance Instance(string name) => Sim.Instance(name);

    /// <summary>The simulator's log of <paramref name="instance"/> for one method and path prefix (e.g. "/api/Status").</summary>
    public IReadOnlyList<SimRequestLogEntry> Requests(string instance, string method, string pathPrefix) =>
        [.. Sim.Instance(instance).Requests.Entries.Where(e =>
            (method == "*" || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase))
            && e.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))];

    public int Count(string instance, string method, string pathPrefix) => Sim.Instance(instance).Requests.Count(method, pathPrefix);

    public int TokenRequests(string instance) => Count(instance, "POST", "/auth/token");

    /// <summary>Activations of grain class <paramref name="grainClass"/> (e.g. "TicketGrain") on every silo, as Orleans counts them.</summary>
    public async Task<int> ActivationsAsync(string grainClass)
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => ClassOf(s.GrainType) == grainClass).Sum(s => s.ActivationCount);
    }

    /// <summary>Activations of <paramref name="grainClass"/> per silo, as Orleans counts them.</summary>
    public async Task<IReadOnlyList<int>> ActivationsPerSiloAsync(string grainClass)
    {
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return [.. Cluster.Silos.Select(silo => statistics.Where(s => s.SiloAddress == silo.SiloAddress && ClassOf(s.GrainType) == grainClass).Sum(s => s.ActivationCount))];
    }

    /// <summary>Has Orleans collect every idle activation on every silo now (what its collector does after their idle time).</summary>
    public Task CollectIdleActivationsAsync() => Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Sim.DisposeAsync();
    }

    // Orleans names a grain type "Namespace.Class,Assembly".
    private static string ClassOf(string grainType)
    {
        var type = grainType.Split(',', 2)[0];
        return type[(type.LastIndexOf('.') + 1)..];
    }
}
