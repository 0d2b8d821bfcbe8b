namespace HaloMcp.Silo;

/// <summary>How the silo joins its cluster, bound from the <c>Silo</c> configuration section.</summary>
public sealed class HaloSiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>
    /// How silos find each other. <c>Localhost</c> (the only one so far): a single-machine cluster whose first silo is
    /// the membership's primary; a co-hosted silo is a cluster of one.
    /// </summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary>The silo-to-silo port; 0 picks a free loopback port at start (so several silos can share a machine).</summary>
    public int SiloPort { get; set; }

    /// <summary>The port Orleans clients connect to; 0 opens no gateway (a co-hosted silo needs none).</summary>
    public int GatewayPort { get; set; }

    /// <summary>
    /// The silo port of the cluster's primary silo, for a second silo of a <c>Localhost</c> cluster; 0: this silo is
    /// the primary.
    /// </summary>
    public int PrimarySiloPort { get; set; }

    /// <summary>Silos with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "halomcp-local";

    /// <summary>The service's identity across deployments (what persisted state will be keyed by).</summary>
    public string ServiceId { get; set; } = "halomcp";

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
}
