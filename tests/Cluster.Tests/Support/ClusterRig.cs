using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace HaloMcp.Cluster.Tests.Support;

/// <summary>
/// The cluster as a deployment runs it, every part its own process on 127.0.0.1 at free ports: Redis (membership and
/// grain state), the HaloPSA simulator, two silos (the built <c>src/Silo</c>) and two front ends (the built
/// <c>src/Api</c>, gateway mode on), all reading one tenants file; plus an Orleans client in the test process that
/// observes where grains live. Shared by the cluster tests (started once; tests that kill a node restart what they
/// need through <see cref="EnsureWholeAsync"/>). Every process is killed on dispose.
/// </summary>
public sealed class ClusterRig : IAsyncLifetime
{
    /// <summary>Cluster tests fail fast with the logs rather than waiting out a stuck start.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(150);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "halomcp-cluster-" + Guid.NewGuid().ToString("N"));
    private readonly string _sealingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly Dictionary<string, string> _secrets = [];
    private NodeProcess? _redis;
    private NodeProcess? _sim;
    private string _redisConnection = string.Empty;

    /// <summary>Tenants (one simulated instance each) for the tests; budgets are the simulator's and the tenant's.</summary>
    internal static readonly SimInstance Shared = new("shared", 30, 10);
    internal static readonly SimInstance Busy = new("busy", 40, 10);
    internal static readonly SimInstance Rejoin = new("rejoin", 100_000, 60);
    internal static readonly SimInstance Spread = new("spread", 100_000, 60);
    internal static readonly SimInstance Gateway = new("gateway", 100_000, 60);

    private static readonly SimInstance[] Configured = [Shared, Busy, Rejoin, Spread];

    /// <summary>The API key that unlocks gateway mode on the front ends.</summary>
    internal const string GatewayKey = "hmk_cluster-test-gateway-key-0123456789abcdef";

    internal SimApi Sim { get; private set; } = null!;

    internal ClusterObserver Observer { get; private set; } = null!;

    internal IReadOnlyList<Node> Silos { get; private set; } = [];

    internal IReadOnlyList<Node> FrontEnds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var redis = RedisServer.StartAsync();
        var sim = StartSimAsync();
        (_redis, _redisConnection) = await redis;
        await sim;
        WriteTenantsFile();
        Silos = [new Node("silo-1", FreePort.Next(), FreePort.Next()), new Node("silo-2", FreePort.Next(), FreePort.Next())];
        FrontEnds = [new Node("front-end-1", FreePort.Next()), new Node("front-end-2", FreePort.Next())];
        await Task.WhenAll(Silos.Select(StartSiloAsync));
        await Task.WhenAll(FrontEnds.Select(StartFrontEndAsync));
        Observer = await ClusterObserver.ConnectAsync(ClusterSettings());
    }

    public async Task DisposeAsync()
    {
        if (Observer is not null)
        {
            await Observer.DisposeAsync();
        }

        foreach (var node in FrontEnds.Concat(Silos))
        {
            if (node.Process is { } process)
            {
                await process.DisposeAsync();
            }
        }

        foreach (var process in new[] { _sim, _redis })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        Sim?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Restarts whatever a test killed, so that every test starts with two silos and two front ends.</summary>
    internal async Task EnsureWholeAsync()
    {
        await Task.WhenAll(Silos.Where(s => s.IsDown).Select(StartSiloAsync));
        await Task.WhenAll(FrontEnds.Where(f => f.IsDown).Select(StartFrontEndAsync));
    }

    /// <summary>Restarts a front end a test killed (the silos as they are).</summary>
    internal Task EnsureFrontEndsAsync() => Task.WhenAll(FrontEnds.Where(f => f.IsDown).Select(StartFrontEndAsync));

    /// <summary>Starts silo <paramref name="silo"/> again on its ports (a restarted process: new generation, same endpoint).</summary>
    internal Task RestartSiloAsync(Node silo) => StartSiloAsync(silo);

    internal Task RestartFrontEndAsync(Node frontEnd) => StartFrontEndAsync(frontEnd);

    /// <summary>An MCP client on front end <paramref name="index"/> acting for configured tenant <paramref name="tenant"/>.</summary>
    internal Task<FrontEndClient> ClientAsync(int index, SimInstance tenant) => FrontEndClient.ConnectAsync(FrontEnds[index].BaseUrl, tenant.ApiKey);

    /// <summary>An MCP client on front end <paramref name="index"/> for the gateway tenant whose credentials travel in headers.</summary>
    internal Task<FrontEndClient> GatewayClientAsync(int index) => FrontEndClient.ConnectAsync(FrontEnds[index].BaseUrl, GatewayKey, new Dictionary<string, string>
    {
        ["X-Halo-Url"] = Sim.InstanceUrl(Gateway).ToString(),
        ["X-Halo-Client-Id"] = Gateway.ClientId,
        ["X-Halo-Client-Secret"] = Gateway.Secret,
    });

    /// <summary>The last output of every process, for a failure message.</summary>
    internal string Logs() => string.Join("\n", Silos.Concat(FrontEnds).Select(n => n.Process?.Output(40) ?? n.Name + ": not running"));

    private async Task StartSimAsync()
    {
        var port = FreePort.Next();
        List<string> args = [BuiltProgram.HaloSim, "--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:HaloMcp.HaloSim=Information"];
        var all = Configured.Append(Gateway).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            args.AddRange([
                $"--HaloSim:Instances:{i}:Name={all[i].Name}",
                $"--HaloSim:Instances:{i}:ClientId={all[i].ClientId}",
                $"--HaloSim:Instances:{i}:ClientSecret={all[i].Secret}",
                $"--HaloSim:Instances:{i}:Budget:Requests={all[i].Requests}",
                $"--HaloSim:Instances:{i}:Budget:WindowSeconds={all[i].WindowSeconds}",
            ]);
        }

        _sim = NodeProcess.Start("halosim", "dotnet", args);
        await _sim.WaitForLineAsync("HaloSim serving instances", StartTimeout);
        Sim = new SimApi(new Uri($"http://127.0.0.1:{port}"));
    }

    private void WriteTenantsFile()
    {
        var tenants = new JsonArray();
        foreach (var instance in Configured)
        {
            _secrets[instance.SecretVariable] = instance.Secret;
            tenants.Add(new JsonObject
            {
                ["Id"] = instance.Name,
                ["HaloUrl"] = Sim.InstanceUrl(instance).ToString(),
                ["ClientId"] = instance.ClientId,
                ["ClientSecretEnv"] = instance.SecretVariable,
                ["Budget"] = new JsonObject { ["Requests"] = instance.Requests, ["WindowSeconds"] = instance.WindowSeconds },
                ["ApiKeyHashes"] = new JsonArray(HashOf(instance.ApiKey)),
            });
        }

        File.WriteAllText(TenantsFile, new JsonObject { ["Tenants"] = tenants }.ToJsonString());
    }

    private string TenantsFile => Path.Combine(_directory, "tenants.json");

    private Dictionary<string, string?> ClusterSettings() => new()
    {
        ["Orleans:Clustering:ProviderType"] = "Redis",
        ["Orleans:Clustering:ConnectionString"] = _redisConnection,
        ["Orleans:ClusterId"] = "cluster-tests",
        ["Orleans:SealingKey"] = _sealingKey,
    };

    private IEnumerable<string> ClusterArgs() =>
        ClusterSettings().Select(s => $"--{s.Key}={s.Value}").Concat([
            "--tenants-file", TenantsFile,
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:HaloMcp=Information",
            "--Logging:LogLevel:HaloMcp.Grains=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ]);

    private async Task StartSiloAsync(Node silo)
    {
        string[] args =
        [
            BuiltProgram.Silo, .. ClusterArgs(),
            $"--Orleans:SiloPort={silo.Port}", $"--Orleans:GatewayPort={silo.GatewayPort}",

            // Callers over budget hear "rate limited" after 3 s instead of 20: the tests' windows are 10 s.
            "--Budget:DefaultWait=00:00:03",
        ];
        silo.Process = NodeProcess.Start(silo.Name, "dotnet", args, _secrets);
        await silo.Process.WaitForLineAsync("is up in cluster", StartTimeout);
    }

    private async Task StartFrontEndAsync(Node frontEnd)
    {
        string[] args =
        [
            BuiltProgram.Api, .. ClusterArgs(),
            "--urls", frontEnd.BaseUrl.ToString(),
            "--Mcp:GatewayMode=true", $"--Mcp:GatewayKeyHashes:0={HashOf(GatewayKey)}",
        ];

        // A front end needs no HaloPSA secret: it never calls HaloPSA.
        frontEnd.Process = NodeProcess.Start(frontEnd.Name, "dotnet", args);
        await frontEnd.Process.WaitForLineAsync("Now listening on:", StartTimeout);
    }

    private static string HashOf(string key) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>One silo or front end: its ports and its current process.</summary>
    internal sealed class Node(string name, int port, int gatewayPort = 0)
    {
        public string Name { get; } = name;

        /// <summary>A silo's silo-to-silo port (how membership names it), or a front end's HTTP port.</summary>
        public int Port { get; } = port;

        public int GatewayPort { get; } = gatewayPort;

        public Uri BaseUrl => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

        public NodeProcess? Process { get; set; }

        public bool IsDown => Process is null || Process.HasExited;

        /// <summary>SIGKILL.</summary>
        public void Kill() => Process?.Kill();
    }
}
