namespace HaloMcp.Cluster.Tests.Support;

/// <summary>One request the simulator served, from its request log.</summary>
internal sealed record SimRequest(string Method, string Path, int Status, long StartedMicroseconds, string? ClientId);
