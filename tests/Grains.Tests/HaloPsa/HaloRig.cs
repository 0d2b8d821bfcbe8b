using System.Text.Json.Nodes;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Http;
using HaloMcp.HaloSim;
using Microsoft.Extensions.Logging.Abstractions;

namespace HaloMcp.Grains.Tests.HaloPsa;

/// <summary>
/// A simulator on a random port plus a client wired to it as a stand-alone client is: the HaloPSA pipeline
/// (<see cref="HaloHttpPipeline"/>) with a counting gate and a caching token source in place of the tenant grain.
/// </summary>
public sealed class HaloRig : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private HaloRig(HaloSimHost host, SimInstance sim, HaloConnection connection, HttpClient http, HaloClientOptions options, TimeProvider time, CountingRequestGate gate)
    {
        Host = host;
        Sim = sim;
        Connection = connection;
        Http = http;
        Options = options;
        Time = time;
        Gate = gate;
        TokenClient = new HaloTokenClient(http, connection, time, NullLogger<HaloTokenClient>.Instance);
        Tokens = new CachingHaloTokenSource(TokenClient, options, time);
        Client = NewClient(Tokens);
    }

    public HaloSimHost Host { get; }

    public SimInstance Sim { get; }

    public HaloConnection Connection { get; }

    public HttpClient Http { get; }

    public HaloClientOptions Options { get; }

    public TimeProvider Time { get; }

    public CountingRequestGate Gate { get; }

    public HaloTokenClient TokenClient { get; }

    public CachingHaloTokenSource Tokens { get; }

    public HaloApiClient Client { get; }

    public static HaloClientOptions FastOptions() => new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(20),
        ReadDeadline = TimeSpan.FromSeconds(60),
        WriteDeadline = TimeSpan.FromSeconds(60),
        MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        TokenRefreshMargin = TimeSpan.FromMinutes(2),
    };

    public static async Task<HaloRig> StartAsync(
        Action<SimInstanceOptions>? configureSim = null,
        HaloClientOptions? options = null,
        TimeProvider? time = null,
        Func<HaloConnection, HaloConnection>? configureConnection = null)
    {
        var instance = new SimInstanceOptions
        {
            Seed = 7,
            Budget = new SimBudgetOptions { Requests = 100_000, WindowSeconds = 300 },
            Sizes = new SimSizeOptions
            {
                Clients = 12, Sites = 30, Users = 60, Tickets = 240, Actions = 600, Assets = 80, Contracts = 20,
                Invoices = 120, RecurringInvoices = 20, Agents = 8, Teams = 4, Projects = 15, Reports = 8,
            },
        };
        configureSim?.Invoke(instance);
        time ??= TimeProvider.System;
        var host = await HaloSimHost.StartAsync(new HaloSimOptions { Instances = [instance] }, time, NullLoggerFactory.Instance);
        var sim = host.Instance(instance.Name);
        var connection = new HaloConnection(host.InstanceUrl(sim.Name).ToString(), sim.ClientId, sim.ClientSecret);
        connection = configureConnection?.Invoke(connection) ?? connection;
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return new HaloRig(host, sim, connection, http, options ?? FastOptions(), time, new CountingRequestGate());
    }

    /// <summary>
    /// A client over its own pipeline: tokens from <paramref name="tokens"/>, permits from <paramref name="gate"/> (the
    /// rig's counting gate by default), to <paramref name="connection"/> (the simulator by default).
    /// </summary>
    public HaloApiClient NewClient(
        IHaloTokenSource tokens,
        IHaloRequestGate? gate = null,
        HaloClientOptions? options = null,
        HaloConnection? connection = null,
        TimeSpan? httpTimeout = null)
    {
        options ??= Options;
        connection ??= Connection;
        var http = new HttpClient(HaloHttpPipeline.Create(connection, tokens, gate ?? Gate, options, Time, NullLogger.Instance))
        {
            Timeout = httpTimeout ?? Timeout.InfiniteTimeSpan,
        };
        _clients.Add(http);
        return new HaloApiClient(http, connection, options, Time, NullLogger<HaloApiClient>.Instance);
    }

    public int Count(string method, string pathPrefix) => Sim.Requests.Count(method, pathPrefix);

    // The simulator records a request after its answer has gone out, so a test can see the answer before the log
    // entry. These wait (bounded) for entries the client has certainly caused, then report what is there.
    public async Task<int> CountAsync(string method, string pathPrefix, int atLeast)
    {
        await ManualClock.WaitUntilAsync(() => Count(method, pathPrefix) >= atLeast, failIfNot: false);
        return Count(method, pathPrefix);
    }

    /// <summary>The log once it holds an /api entry for every attempt that passed <see cref="Gate"/>.</summary>
    public async Task<IReadOnlyList<SimRequestLogEntry>> SettledEntriesAsync()
    {
        await ManualClock.WaitUntilAsync(() => Sim.Requests.Count("*", "/api") >= Gate.Total, failIfNot: false);
        return Sim.Requests.Entries;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Http.Dispose();
        await Host.DisposeAsync();
    }

    public static int Int(JsonObject record, string key) => record[key] switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<long>(out var l) => (int)l,
        JsonValue v when v.TryGetValue<double>(out var d) => (int)d,
        JsonValue v when int.TryParse(v.ToString(), out var s) => s,
        _ => 0,
    };

    public static string? Str(JsonObject record, string key) => record[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
