namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// One delivery, as HaloPSA's Deliveries tab records it (its <c>WebhookEvent</c>: request headers and body, the
/// receiver's status and body): one HTTP request carrying one occurrence, or several when the profile batches.
/// </summary>
/// <param name="Id">The delivery's id (a GUID); every occurrence in its body carries it as <c>delivery_id</c>.</param>
/// <param name="WebhookId">The profile's id.</param>
/// <param name="WebhookName">The profile's name.</param>
/// <param name="Url">Where it was (or will be) sent.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Events">The event name of each occurrence, in body order.</param>
/// <param name="EntityIds">The id of the record each occurrence concerns (for actions: the action's id).</param>
/// <param name="RequestHeaders">The request's headers, the Basic credential masked.</param>
/// <param name="RequestBody">The JSON body.</param>
/// <param name="QueuedAt">When the delivery was formed (the instance's clock).</param>
/// <param name="DueAt">When it may be sent: <paramref name="QueuedAt"/> plus any delay fault.</param>
/// <param name="State">Where it stands.</param>
/// <param name="SentAt">When the request went out (the instance's clock).</param>
/// <param name="ResponseStatus">The receiver's status code.</param>
/// <param name="ResponseBody">The start of the receiver's body (at most 2,000 characters).</param>
/// <param name="Error">Why a send failed without an answer (connection refused, timeout).</param>
public sealed record SimWebhookDelivery(
    string Id,
    string WebhookId,
    string WebhookName,
    string Url,
    string Method,
    IReadOnlyList<string> Events,
    IReadOnlyList<int> EntityIds,
    string RequestHeaders,
    string RequestBody,
    DateTimeOffset QueuedAt,
    DateTimeOffset DueAt,
    SimWebhookDeliveryState State,
    DateTimeOffset? SentAt = null,
    int? ResponseStatus = null,
    string? ResponseBody = null,
    string? Error = null);
