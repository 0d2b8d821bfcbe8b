using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim;

/// <summary>
/// The HaloPSA simulator running in-process on Kestrel at 127.0.0.1 on a random port. The default (first) instance is
/// served at the root (<c>/api</c>, <c>/auth</c>); every instance at <c>/{name}/api</c> and <c>/{name}/auth</c>.
/// </summary>
public sealed class HaloSimHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimInstanceRegistry _registry;

    private HaloSimHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        _registry = app.Services.GetRequiredService<SimInstanceRegistry>();
        BaseAddress = baseAddress;
    }

    /// <summary>The root address, with a trailing slash (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>All instances, the default first.</summary>
    public IReadOnlyList<SimInstance> Instances => _registry.Instances;

    /// <summary>
    /// Builds and starts the simulator. <paramref name="timeProvider"/> drives token, code and refresh-token expiry, the
    /// rate-limit window, record timestamps, the request log, webhook batch delays and delay faults, and (its now at start)
    /// the date the seeded data ends on (default <see cref="TimeProvider.System"/>); injected latency and the HTTP sends of
    /// webhooks are always real time.
    /// </summary>
    public static Task<HaloSimHost> StartAsync(HaloSimOptions? options = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        StartCoreAsync([], options ?? new HaloSimOptions(), timeProvider, loggerFactory, cancellationToken);

    /// <summary>Starts with options bound from configuration built from <paramref name="args"/>, environment and appsettings.json.</summary>
    internal static Task<HaloSimHost> StartFromConfigurationAsync(string[] args, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        StartCoreAsync(args, null, timeProvider, null, cancellationToken);

    private static async Task<HaloSimHost> StartCoreAsync(string[] args, HaloSimOptions? options, TimeProvider? timeProvider,
        ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var app = HaloSimApplication.Build(args, options, timeProvider, loggerFactory, randomLoopbackPort: true);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HaloSimHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The instance's web-app URL, without a trailing slash: <c>{it}/api/...</c> and <c>{it}/auth/token</c> work.</summary>
    public Uri InstanceUrl(string instance) => new(BaseAddress, Instance(instance).Name);

    /// <summary>The named instance (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No instance has that name.</exception>
    public SimInstance Instance(string name) =>
        _registry.Find(name) ?? throw new KeyNotFoundException($"No HaloSim instance named '{name}'.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
