namespace HaloMcp.Grains.Webhooks;

/// <summary>
/// One webhook delivery as HaloPSA posted it, already authenticated as the tenant's: its JSON body, one occurrence
/// object or an array of them (a batch). The grains read it; nothing upstream is asked.
/// </summary>
/// <param name="Body">The request body, UTF-8 JSON.</param>
[GenerateSerializer, Immutable, Alias("halo.Webhooks.WebhookDelivery")]
public sealed record WebhookDelivery(byte[] Body);
