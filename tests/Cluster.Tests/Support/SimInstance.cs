namespace HaloMcp.Cluster.Tests.Support;

/// <summary>One simulated HaloPSA instance of the rig, and the configured tenant of the same name on it.</summary>
/// <param name="Name">Instance and tenant id.</param>
/// <param name="Requests">Its budget (the simulator's and the tenant's): N per <paramref name="WindowSeconds"/>.</param>
/// <param name="WindowSeconds">W.</param>
internal sealed record SimInstance(string Name, int Requests, int WindowSeconds)
{
    public string ClientId => Name + "-client";

    public string Secret => Name + "-secret-" + Name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "f00d";

    /// <summary>The environment variable every silo reads the secret from (the tenants file names it).</summary>
    public string SecretVariable => "HALOMCP_CLUSTER_TEST_" + Name.ToUpperInvariant() + "_SECRET";

    public string ApiKey => "hmk_cluster-test-" + Name + "-0123456789abcdef0123456789";
}
