namespace HaloMcp.HaloSim.Webhooks;

/// <summary>A delivery ready for the wire: what its log entry says, and the body bytes.</summary>
internal sealed record WebhookSend(string DeliveryId, string Url, string Method, string ContentType, string? Authorization, byte[] Body);
