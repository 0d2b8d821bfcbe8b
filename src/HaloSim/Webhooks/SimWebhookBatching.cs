namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// HaloPSA's webhook batching (v2.164+, halopsa-api §11.2): occurrences wait <c>batch_delay_seconds</c> after the first
/// one and go out together, grouped as below. The numbers are the simulator's <c>batch_method</c> codes.
/// </summary>
public enum SimWebhookBatching
{
    /// <summary>Every occurrence is its own delivery, a single JSON object (0).</summary>
    None = 0,

    /// <summary>Occurrences of the same event share a delivery (1).</summary>
    SameEvent = 1,

    /// <summary>Occurrences of the same event type (ticket, action, client ...) share a delivery (2).</summary>
    SameEventType = 2,

    /// <summary>Occurrences of any event share a delivery (3).</summary>
    AnyEvent = 3,
}
