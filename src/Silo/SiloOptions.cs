namespace HaloMcp.Silo;

/// <summary>Options for the in-process grain runtime, bound from the <c>Silo</c> configuration section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Silo";

    /// <summary>How long an activation may sit idle before it is deactivated.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);
}
