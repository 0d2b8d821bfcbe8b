namespace HaloMcp.Api.Hosting;

/// <summary>
/// The embedded demo (<c>--demo</c>, <c>--demo-api-key KEY</c>, <c>--halosim-url URL</c>, or the <c>Demo</c> section).
/// Only parsed here; whoever embeds the simulator reads these.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Demo";

    /// <summary>Whether to run against an embedded HaloPSA simulator.</summary>
    public bool Enabled { get; set; }

    /// <summary>The API key the demo tenant accepts; generated when unset.</summary>
    public string? ApiKey { get; set; }

    /// <summary>An already running simulator to use instead of an embedded one.</summary>
    public Uri? HaloSimUrl { get; set; }
}
