namespace HaloMcp.Grains.OAuth;

/// <summary>How agents' HaloPSA tokens are kept (section <c>AgentSessions</c>).</summary>
public sealed class AgentSessionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "AgentSessions";

    /// <summary>
    /// The key (base64 of 32 random bytes) that encrypts agents' HaloPSA tokens at rest. Every silo of a cluster needs
    /// the same one. Unset: a key is made at start, so stored sign-ins are unreadable after a restart or on another silo
    /// (the agent signs in again), which is what embedded mode's in-memory state means anyway.
    /// </summary>
    public string? TokenKey { get; set; }
}
