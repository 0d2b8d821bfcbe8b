using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using System.Reflection;
using HaloMcp.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HaloMcp.Silo;

/// <summary>
/// The silo: grain directory, call dispatch, idle collection, shutdown and metrics. Registered as a singleton and
/// exposed as <see cref="IGrainFactory"/>, <see cref="IGrainRuntimeStatistics"/> and <see cref="IHostedService"/>.
/// </summary>
internal sealed class SiloRuntime : IGrainFactory, IGrainRuntimeStatistics, IHostedService, IDisposable
{
    private readonly FrozenDictionary<Type, GrainInterfaceMap> _interfaces;
    private readonly FrozenDictionary<string, GrainTypeInfo> _grainTypes;
    private readonly CancellationTokenSource _forcedStop = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SiloMetrics _metrics;
    private ITimer? _collectionTimer;
    private int _stopping;
    private int _closed;
    private long _inFlight;
    private int _collecting;
    private Task _lastCollection = Task.CompletedTask;

    public SiloRuntime(
        IServiceProvider services,
        GrainRegistry registry,
        IOptions<SiloOptions> options,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<SiloRuntime> logger)
    {
        Services = services;
        Options = Validate(options.Value);
        TimeProvider = timeProvider;
        Logger = logger;
        var grainTypes = new Dictionary<Type, GrainTypeInfo>();
        var interfaces = new Dictionary<Type, GrainInterfaceMap>();
        foreach (var registration in registry.Registrations)
        {
            if (!grainTypes.TryGetValue(registration.ImplementationType, out var grainType))
            {
                grainType = new GrainTypeInfo(registration.ImplementationType);
                grainTypes.Add(registration.ImplementationType, grainType);
            }

            interfaces[registration.InterfaceType] = new GrainInterfaceMap(registration.InterfaceType, grainType);
        }

        var duplicate = grainTypes.Values.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Two grain classes are named {duplicate.Key} ({string.Join(", ", duplicate.Select(t => t.ImplementationType.FullName))}); grain type names must be unique.");
        }

        _interfaces = interfaces.ToFrozenDictionary();
        _grainTypes = grainTypes.Values.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        _metrics = new SiloMetrics(meterFactory, _grainTypes.Values);
    }

    public IServiceProvider Services { get; }

    public SiloOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    public ConcurrentDictionary<GrainId, GrainActivation> Directory { get; } = new();

    /// <summary>Cancelled when the host's shutdown timeout runs out while the silo is stopping.</summary>
    public CancellationToken ForcedStopToken => _forcedStop.Token;

    public bool IsStopping => Volatile.Read(ref _stopping) != 0;

    /// <summary>The most recent idle collection started by the sweep timer (for tests to await).</summary>
    internal Task LastIdleCollection => Volatile.Read(ref _lastCollection);

    /// <inheritdoc />
    public TGrain GetGrain<TGrain>(string key)
        where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_interfaces.TryGetValue(typeof(TGrain), out var map))
        {
            throw new InvalidOperationException(
                $"No grain implementation is registered for {typeof(TGrain).Name}; register one with services.AddSilo().AddGrain<{typeof(TGrain).Name}, TImplementation>().");
        }

        var proxy = DispatchProxy.Create(typeof(TGrain), typeof(GrainProxy));
        ((GrainProxy)proxy).Bind(this, map, new GrainId(map.GrainType.Name, key));
        return (TGrain)proxy;
    }

    /// <inheritdoc />
    public SiloStatistics GetStatistics() =>
        new(_grainTypes.Values.Select(t => t.Snapshot()).ToFrozenDictionary(t => t.GrainType, StringComparer.Ordinal));

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = Options.CollectionSweepPeriod;
        _collectionTimer = TimeProvider.CreateTimer(static s => ((SiloRuntime)s!).CollectIdleActivations(), this, period, period);
        Logger.SiloStarted(_grainTypes.Count, Options.IdleTimeout);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            return;
        }

        _collectionTimer?.Dispose();
        using var forced = cancellationToken.UnsafeRegister(static s => ((SiloRuntime)s!).ForceStop(), this);
        var inFlight = Interlocked.Read(ref _inFlight);
        Logger.SiloStopping(inFlight);
        if (inFlight > 0)
        {
            try
            {
                await _drained.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Logger.DrainTimedOut(Interlocked.Read(ref _inFlight));
            }
        }

        Volatile.Write(ref _closed, 1);
        var deactivations = Directory.Values.Select(a => a.DeactivateForShutdown()).ToArray();
        try
        {
            await Task.WhenAll(deactivations).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Logger.DeactivationTimedOut(deactivations.Count(t => !t.IsCompleted));
        }

        Logger.SiloStopped();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _collectionTimer?.Dispose();
        _forcedStop.Dispose();
    }

    /// <summary>Accepts a call and hands it to its activation, activating the grain if needed.</summary>
    public void Dispatch(GrainCall call)
    {
        if (call.CallerToken.IsCancellationRequested)
        {
            call.Reject(new OperationCanceledException($"The call to {call.Method.DisplayName} on {call.Target} was cancelled before it ran.", call.CallerToken));
            return;
        }

        var chain = CallChain.Current;
        Interlocked.Increment(ref _inFlight);
        call.InFlight = true;

        // While stopping, calls made by grains inside their turns are still served so that the calls being
        // drained can finish; only new work from outside is refused, until the final deactivation begins.
        if (IsStopping && (chain is null || Volatile.Read(ref _closed) != 0))
        {
            call.Reject(new SiloUnavailableException());
            return;
        }

        if (call.Deadline <= TimeProvider.GetUtcNow())
        {
            call.Reject(new TimeoutException($"The call to {call.Method.DisplayName} on {call.Target} was made after its deadline ({call.Deadline:O}); it did not run."));
            return;
        }

        while (true)
        {
            var activation = Directory.GetOrAdd(
                call.Target,
                static (id, state) => new GrainActivation(state.Runtime, state.GrainType, id),
                (Runtime: this, call.Method.GrainType));

            if (chain is not null && call.Method.Interleave != InterleaveMode.Always && CallChain.IsInsideTurnOf(chain, activation))
            {
                call.Reject(new InvalidOperationException(
                    $"Grain {call.Target} called {call.Method.DisplayName} on itself (directly or through other grains) from inside its own turn; " +
                    "that call would wait for the turn that is waiting for it. Call the method directly, or mark it [AlwaysInterleave]."));
                return;
            }

            if (activation.TryEnqueue(call))
            {
                return;
            }
        }
    }

    /// <summary>Records a completed call's outcome.</summary>
    public void OnCallCompleted(GrainCall call, Exception? error)
    {
        var duration = TimeProvider.GetElapsedTime(call.StartTimestamp);
        call.Method.Counters.Record(error is not null, duration);
        _metrics.RecordCall(call.Method, duration, error);
        if (error is not null)
        {
            Logger.CallFailed(call.Method.GrainType.Name, call.Method.Name, error.GetType().Name);
        }

        if (call.InFlight && Interlocked.Decrement(ref _inFlight) == 0 && IsStopping)
        {
            _drained.TrySetResult();
        }
    }

    public void OnActivated(GrainActivation activation)
    {
        activation.GrainType.OnActivated();
        activation.GrainType.OnCreated();
        _metrics.RecordActivated(activation.GrainType);
        Logger.GrainActivated(activation.GrainType.Name, activation.Id.Key);
    }

    public void OnDeactivated(GrainActivation activation, DeactivationReason reason)
    {
        activation.GrainType.OnDeactivated();
        _metrics.RecordDeactivated(activation.GrainType, reason);
        Logger.GrainDeactivated(activation.GrainType.Name, activation.Id.Key, reason.ReasonCode);
    }

    private static SiloOptions Validate(SiloOptions options)
    {
        if (options.IdleTimeout <= TimeSpan.Zero || options.CollectionSweepPeriod <= TimeSpan.Zero)
        {
            throw new OptionsValidationException(SiloOptions.SectionName, typeof(SiloOptions), ["Silo:IdleTimeout and Silo:CollectionSweepPeriod must be positive."]);
        }

        if (options.DefaultCallTimeout <= TimeSpan.Zero && options.DefaultCallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new OptionsValidationException(SiloOptions.SectionName, typeof(SiloOptions), ["Silo:DefaultCallTimeout must be positive (or infinite)."]);
        }

        return options;
    }

    private void ForceStop()
    {
        try
        {
            _forcedStop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed after stopping: nothing left to force.
        }
    }

    private void CollectIdleActivations()
    {
        // One sweep at a time: a slow OnDeactivateAsync must not make sweeps pile up.
        if (Interlocked.Exchange(ref _collecting, 1) != 0)
        {
            return;
        }

        Volatile.Write(ref _lastCollection, CollectIdleActivationsAsync());
    }

    private async Task CollectIdleActivationsAsync()
    {
        try
        {
            var idleSince = TimeProvider.GetUtcNow() - Options.IdleTimeout;
            List<Task>? deactivations = null;
            foreach (var (_, activation) in Directory)
            {
                if (activation.TryCollectIdle(idleSince) is { } deactivation)
                {
                    (deactivations ??= []).Add(deactivation);
                }
            }

            if (deactivations is not null)
            {
                Logger.IdleCollectionStarted(deactivations.Count);
                await Task.WhenAll(deactivations).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            Logger.IdleCollectionFailed(error);
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }
}
