using System.Text.Json.Nodes;

namespace HaloMcp.Bench.Scenarios;

/// <summary>The simulator and the server, each its own process on loopback, configured for one scenario.</summary>
internal sealed class Rig : IAsyncDisposable
{
    private readonly BenchContext _context;
    private readonly RigSettings _settings;
    private readonly string _tenantsPath;
    private readonly List<ServiceProcess?> _silos = [];
    private string[] _extraArgs = [];

    private Rig(BenchContext context, RigSettings settings, ServiceProcess sim, string tenantsPath)
    {
        _context = context;
        _settings = settings;
        Sim = sim;
        _tenantsPath = tenantsPath;
        SimApi = new SimClient(sim.BaseUrl);
    }

    public ServiceProcess Sim { get; }

    public ServiceProcess Server { get; private set; } = null!;

    public SimClient SimApi { get; }

    /// <summary>Cluster mode: the silo processes (null where one was killed and not restarted).</summary>
    public IReadOnlyList<ServiceProcess?> Silos => _silos;

    /// <summary>Cluster mode: the Redis of membership and grain state.</summary>
    public RedisProcess? Redis { get; private set; }

    public Uri McpUrl => new(Server.BaseUrl, "/mcp");

    public Uri OpsUrl => new(Server.BaseUrl, "/_ops/runtime");

    public BenchTenant Tenant => _settings.Tenants[0];

    public static async Task<Rig> StartAsync(BenchContext context, RigSettings settings, CancellationToken cancellationToken)
    {
        string[] simArgs =
        [
            "--HaloSim:Instances:0:Name=demo",
            $"--HaloSim:Instances:0:Budget:Requests={settings.SimBudgetRequests}",
            $"--HaloSim:Instances:0:Budget:WindowSeconds={settings.SimBudgetWindowSeconds}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var sim = await StartWithRetryAsync(port => ServiceProcess.StartAsync("halosim", context.SimDll, simArgs, port, "/_sim/stats", context.LogDirectory, cancellationToken));
        var tenantsPath = Path.Combine(context.LogDirectory, $"tenants-{Guid.NewGuid():N}.json");
        var instanceUrl = new Uri(sim.BaseUrl, "/demo");
        var tenants = new JsonArray([.. settings.Tenants.Select(t => (JsonNode)t.ToJson(instanceUrl))]);
        await File.WriteAllTextAsync(tenantsPath, new JsonObject { ["Tenants"] = tenants }.ToJsonString(), cancellationToken);
        var rig = new Rig(context, settings, sim, tenantsPath);
        try
        {
            if (settings.Silos > 0)
            {
                rig.Redis = await RedisProcess.StartAsync(cancellationToken);
                for (var i = 0; i < settings.Silos; i++)
                {
                    await rig.StartSiloAsync(i, cancellationToken);
                }
            }

            await rig.StartServerAsync(cancellationToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server and starts a fresh one (cold caches, no activations); the simulator keeps running.</summary>
    public async Task RestartServerAsync(CancellationToken cancellationToken, params string[] extraArgs)
    {
        await Server.DisposeAsync();
        _extraArgs = extraArgs;
        await StartServerAsync(cancellationToken);
    }

    public McpCaller Caller(BenchTenant? tenant = null, int connections = 64) => new(McpUrl, (tenant ?? Tenant).ApiKey, connections);

    /// <summary>Cluster mode: SIGKILLs silo <paramref name="index"/>.</summary>
    public void KillSilo(int index)
    {
        _silos[index]?.Kill();
    }

    /// <summary>Cluster mode: starts silo <paramref name="index"/> (again, or one more), on fresh ports.</summary>
    public async Task StartSiloAsync(int index, CancellationToken cancellationToken)
    {
        if (index == _silos.Count)
        {
            _silos.Add(null);
        }

        if (_silos[index] is { } old)
        {
            await old.DisposeAsync();
        }

        string[] args =
        [
            "--tenants-file", _tenantsPath,
            .. ClusterArgs(),
            $"--Orleans:SiloPort={FreePort.Next()}",
            $"--Orleans:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:HaloMcp.Silo.SiloAddressLog=Information",
            .. _settings.SiloArgs,
        ];
        _silos[index] = await ServiceProcess.StartAsync($"silo-{index + 1}", _context.SiloDll, args, "is up in cluster", _context.LogDirectory, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        foreach (var silo in _silos)
        {
            if (silo is not null)
            {
                await silo.DisposeAsync();
            }
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        await Sim.DisposeAsync();
        SimApi.Dispose();
        File.Delete(_tenantsPath);
    }

    // A port found free can be taken by someone else before the child binds it: try again on another.
    private static async Task<ServiceProcess> StartWithRetryAsync(Func<int, Task<ServiceProcess>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(FreePort.Next());
            }
            catch (InvalidOperationException ex) when (attempt < 3)
            {
                Console.Error.WriteLine($"    start-up failed, retrying on another port: {ex.Message.Split('\n')[0]}");
            }
        }
    }

    private async Task StartServerAsync(CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--tenants-file", _tenantsPath,
            "--Logging:LogLevel:Default=Warning",
            .. (Redis is null ? [] : ClusterArgs()),
            .. _settings.ServerArgs,
            .. _extraArgs,
        ];
        Server = await StartWithRetryAsync(port => ServiceProcess.StartAsync("halomcp", _context.ApiDll, args, port, "/.well-known/oauth-protected-resource/mcp", _context.LogDirectory, cancellationToken));
    }

    private string[] ClusterArgs() =>
    [
        "--Orleans:Clustering:ProviderType=Redis",
        $"--Orleans:Clustering:ConnectionString={Redis!.ConnectionString}",
        "--Orleans:ClusterId=bench",
    ];
}
