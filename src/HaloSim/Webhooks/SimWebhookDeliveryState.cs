namespace HaloMcp.HaloSim.Webhooks;

/// <summary>Where a webhook delivery stands.</summary>
public enum SimWebhookDeliveryState
{
    /// <summary>Waiting for its batch, its delay fault or its turn on the profile's connection.</summary>
    Queued,

    /// <summary>Sent; the receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Sent; the receiver answered otherwise, or could not be reached. HaloPSA does not retry it.</summary>
    Failed,

    /// <summary>Lost to a drop fault: never sent.</summary>
    Dropped,
}
