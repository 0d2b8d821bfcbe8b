namespace HaloMcp.Silo;

/// <summary>
/// How a process joins HaloMcp's Orleans cluster, bound from the <c>Orleans</c> configuration section. Silos and front
/// ends read the same section: the mode, the Redis that holds membership and grain state, and the cluster's identity.
/// The endpoint and collection settings matter to silos only.
/// </summary>
public sealed class HaloOrleansOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Orleans";

    /// <summary>
    /// How silos find each other, in Orleans' own configuration shape (<c>Orleans:Clustering:ProviderType</c>, read by
    /// Orleans itself too). Absent (the default): a single-machine cluster whose first silo is the membership's primary
    /// (the Api co-hosts a cluster of one; no external service). <c>ProviderType=Redis</c> with a
    /// <c>ConnectionString</c>: membership, gateways and durable grain state in Redis; the Api is then a stateless client
    /// of the silos.
    /// </summary>
    public HaloClusteringOptions? Clustering { get; set; }

    /// <summary>Silos with the same cluster id form one cluster (and front ends with it connect to them).</summary>
    public string ClusterId { get; set; } = "halomcp-local";

    /// <summary>The service's identity across deployments: durable grain state is keyed by it.</summary>
    public string ServiceId { get; set; } = "halomcp";

    /// <summary>
    /// The address other silos and front ends reach this silo at: an IP address or a host name resolved once at start
    /// (IPv4 first). Loopback by default.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The local interface the silo and gateway ports bind to; the advertised address when unset (so traffic stays on
    /// that interface). <c>0.0.0.0</c> binds every interface (inside a container whose address is assigned late).
    /// </summary>
    public string? ListenAddress { get; set; }

    /// <summary>The silo-to-silo port; 0 picks a free port at start (so several silos can share a machine).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port Orleans clients connect to; 0 opens no gateway (a co-hosted silo needs none).</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The silo port of the cluster's primary silo, for a second silo of a <c>Localhost</c> cluster; 0: this silo is
    /// the primary.
    /// </summary>
    public int PrimarySiloPort { get; set; }

    /// <summary>
    /// How long an idle activation lives before Orleans collects it (ticket and client grains use
    /// <c>EntityActivations:CollectionAge</c> instead).
    /// </summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often Orleans looks for idle activations; shorter than every collection age.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a grain call may take before its caller hears a timeout. Above the HaloPSA read deadline (90 s) so that a
    /// read's retries and its wait for a permit finish (or fail with their own message) before the call times out.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Cluster mode: how long a grain call that met a failed silo keeps being retried (reads always; writes only where
    /// provably not sent) before its caller hears "unavailable". Above the failover time (about 5 s with the default
    /// membership settings) with room for a loaded machine.
    /// </summary>
    public TimeSpan FailoverRetryLimit { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Cluster mode with gateway tenants: a base64 key of 32 bytes that every silo and front end shares. A front end
    /// seals a gateway tenant's settings with it (AES-GCM) before they travel with its grain calls, so the HaloPSA client
    /// secret never crosses the network in clear. Give it through the environment (<c>Orleans__SealingKey</c>) or a
    /// secret store, never in a file under version control.
    /// </summary>
    public string? SealingKey { get; set; }

    /// <summary>Whether these options ask for a cluster of separate silos in Redis (the Api is then a client).</summary>
    public bool IsRedisCluster => string.Equals(Clustering?.ProviderType, HaloClusteringOptions.Redis, StringComparison.OrdinalIgnoreCase);
}
