namespace HaloMcp.Api.Ops;

/// <summary>
/// The operations pages (<c>/ops</c>, the Orleans dashboard at <c>/dashboard</c>, Prometheus at <c>/metrics</c>) and
/// the runtime probe (<c>/_ops/runtime</c>), bound from the <c>Ops</c> configuration section. The pages are mapped
/// once an operator or a scrape key is configured; they answer callers on this machine only unless
/// <see cref="AllowRemote"/> says otherwise.
/// </summary>
public sealed class OpsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Ops";

    /// <summary>
    /// Whether <c>GET /_ops/runtime</c> is mapped. Off by default: it forces a full garbage collection, so it is for
    /// benchmarks and diagnosis on the machine itself (loopback callers only), never for a monitoring loop.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The people who may log in to the operations pages. Operators are not tenants: no API key opens the pages, and a login opens no MCP tool.</summary>
    public List<OperatorOptions> Operators { get; set; } = [];

    /// <summary>
    /// Hashes (<c>sha256:</c>, as <c>hash-key</c> prints them) of the keys a Prometheus server may scrape
    /// <c>/metrics</c> with, as the password of HTTP Basic authentication (any user name). An operator's login opens it too.
    /// </summary>
    public List<string> ScrapeKeyHashes { get; set; } = [];

    /// <summary>
    /// Whether the pages answer callers from other machines. Off by default: they answer loopback callers only (put a
    /// TLS-terminating proxy in front and turn this on to reach them from elsewhere).
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>How long an operator's login lasts without a request (sliding), in minutes.</summary>
    public int SessionMinutes { get; set; } = 480;

    /// <summary>How often <c>/ops</c> reloads itself, in seconds (0: never).</summary>
    public int RefreshSeconds { get; set; } = 15;

    /// <summary>
    /// A directory for the keys that protect login cookies. Unset: the machine's default key ring (fine for one
    /// process). Several front ends behind one address must share it, or a login made on one is unknown on another.
    /// </summary>
    public string? KeysDirectory { get; set; }

    /// <summary>Whether any page has a way in (an operator or a scrape key).</summary>
    public bool PagesEnabled => Operators.Count > 0 || ScrapeKeyHashes.Count > 0;
}
