namespace HaloMcp.Api.Ops;

/// <summary>The operations endpoints (<c>/_ops/...</c>), bound from the <c>Ops</c> configuration section.</summary>
public sealed class OpsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ops";

    /// <summary>
    /// Whether <c>GET /_ops/runtime</c> is mapped. Off by default: it forces a full garbage collection, so it is for
    /// benchmarks and diagnosis on the machine itself (loopback callers only), never for a monitoring loop.
    /// </summary>
    public bool Enabled { get; set; }
}
