using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Upstream;
using HaloMcp.HaloSim;
using HaloMcp.Silo;
using HaloMcp.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// The grain layer as a host runs it, against the simulator over real HTTP: HaloSim on a random loopback port and a
/// silo with the HaloPSA grains, both on one <see cref="ManualTimeProvider"/>. Each simulated instance is a tenant of
/// the same name whose budget is the instance's own.
/// </summary>
public sealed class GrainLayerRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IReadOnlyList<IHostedService> _hosted;

    private GrainLayerRig(
        ManualTimeProvider clock,
        HaloSimHost sim,
        IReadOnlyList<SimInstanceOptions> instances,
        ServiceProvider services,
        TestTenantDirectory tenants,
        UpstreamPostRecorder posts)
    {
        Instances = instances;
        Clock = clock;
        Sim = sim;
        _services = services;
        Tenants = tenants;
        Posts = posts;
        Grains = services.GetRequiredService<IGrainFactory>();
        Statistics = services.GetRequiredService<IGrainRuntimeStatistics>();
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public ManualTimeProvider Clock { get; }

    public HaloSimHost Sim { get; }

    /// <summary>The simulated instances' settings, as started.</summary>
    public IReadOnlyList<SimInstanceOptions> Instances { get; }

    public IGrainFactory Grains { get; }

    /// <summary>The host's services, for looking at what the grains stand on.</summary>
    public IServiceProvider Services => _services;

    public IGrainRuntimeStatistics Statistics { get; }

    public TestTenantDirectory Tenants { get; }

    /// <summary>Every POST the grains sent to HaloPSA, in the order they left.</summary>
    public UpstreamPostRecorder Posts { get; }

    public static async Task<GrainLayerRig> StartAsync(Action<GrainLayerRigOptions>? configure = null)
    {
        var options = new GrainLayerRigOptions();
        configure?.Invoke(options);
        if (options.Instances.Count == 0)
        {
            options.Instances.Add(GrainLayerRigOptions.Instance("acme"));
        }

        var clock = new ManualTimeProvider();
        var sim = await HaloSimHost.StartAsync(new HaloSimOptions { Instances = [.. options.Instances] }, clock, NullLoggerFactory.Instance);
        try
        {
            return await StartSiloAsync(options, clock, sim);
        }
        catch
        {
            await sim.DisposeAsync();
            throw;
        }
    }

    private static async Task<GrainLayerRig> StartSiloAsync(GrainLayerRigOptions options, ManualTimeProvider clock, HaloSimHost sim)
    {
        var tenants = new TestTenantDirectory();
        foreach (var instance in options.Instances)
        {
            tenants.Add(SettingsFor(sim, instance.Name, instance));
        }

        var posts = new UpstreamPostRecorder();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ITenantDirectory>(tenants);
        services.AddSilo(o =>
        {
            // The clock jumps by minutes and hours in these tests: nothing is collected and no call times out
            // unless a test says so.
            o.IdleTimeout = TimeSpan.FromDays(30);
            o.CollectionSweepPeriod = TimeSpan.FromMinutes(1);
            o.DefaultCallTimeout = Timeout.InfiniteTimeSpan;
            options.Silo?.Invoke(o);
        }).AddHaloGrains();
        services.Configure<HaloClientOptions>(o =>
        {
            // Per-attempt and overall timeouts run on the manual clock too; keep them out of the way of clock jumps.
            o.AttemptTimeout = TimeSpan.FromDays(1);
            o.ReadDeadline = TimeSpan.FromDays(1);
            o.WriteDeadline = TimeSpan.FromDays(1);
            o.BaseDelay = TimeSpan.Zero;
            options.Client?.Invoke(o);
        });
        services.Configure<BudgetEnforcementOptions>(o => options.Budget?.Invoke(o));
        services.Configure<ReferenceDataOptions>(o => options.Caching?.Invoke(o));
        services.AddHttpClient(HaloHttp.ClientName).AddHttpMessageHandler(posts.CreateHandler);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var rig = new GrainLayerRig(clock, sim, options.Instances, provider, tenants, posts);
        foreach (var hosted in rig._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return rig;
    }

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

    public GrainTypeStatistics GrainType(string name) =>
        Statistics.GetStatistics().GrainTypes.TryGetValue(name, out var type)
            ? type
            : throw new KeyNotFoundException($"No grain type {name}.");

    public async ValueTask DisposeAsync()
    {
        // The host's shutdown timeout: calls still waiting (a test that failed half-way) are given up on after it.
        using var shutdown = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        foreach (var hosted in _hosted.Reverse())
        {
            await hosted.StopAsync(shutdown.Token);
        }

        await _services.DisposeAsync();
        await Sim.DisposeAsync();
    }
}
