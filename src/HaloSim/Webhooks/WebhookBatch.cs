namespace HaloMcp.HaloSim.Webhooks;

/// <summary>Occurrences waiting for their batch's delay (or its limit) to go out as one delivery.</summary>
internal sealed class WebhookBatch
{
    public List<WebhookOccurrence> Occurrences { get; } = [];

    public ITimer? Timer { get; set; }
}
