using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>What a write produced: the saved records, or a HaloPSA-style failure (status and message).</summary>
internal sealed record WriteOutcome(IReadOnlyList<JsonObject> Saved, int FailureStatus = 0, string? FailureMessage = null)
{
    public bool Failed => FailureStatus != 0;

    /// <summary>The changes captured for webhooks (empty unless the writer was asked to record them).</summary>
    public IReadOnlyList<SimChange> Changes { get; init; } = [];

    public static WriteOutcome Fail(int status, string message) => new([], status, message);
}
