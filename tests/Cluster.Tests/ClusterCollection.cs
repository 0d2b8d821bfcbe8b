using HaloMcp.Cluster.Tests.Support;

namespace HaloMcp.Cluster.Tests;

/// <summary>The cluster tests share one cluster of processes and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterRig>
{
    public const string Name = "Cluster of processes";
}
