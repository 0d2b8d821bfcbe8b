namespace HaloMcp.Silo;

/// <summary>Options for the in-process grain runtime, bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>How long an activation may sit idle (no call queued or running) before it is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the silo looks for idle activations to collect.</summary>
    public TimeSpan CollectionSweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a grain call may take, queueing included, when the caller sets no deadline of its own through
    /// <c>GrainCallContext</c>. <see cref="Timeout.InfiniteTimeSpan"/> means no deadline.
    /// </summary>
    public TimeSpan DefaultCallTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
