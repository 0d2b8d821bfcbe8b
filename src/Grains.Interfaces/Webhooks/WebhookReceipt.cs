namespace HaloMcp.Grains.Webhooks;

/// <summary>What a delivery changed.</summary>
/// <param name="Occurrences">Occurrences in the delivery (one, or a batch's).</param>
/// <param name="Applied">Occurrences that replaced or dropped a cached copy.</param>
/// <param name="Ignored">Occurrences of kinds HaloMcp keeps nothing of, or older than the copy already held.</param>
[GenerateSerializer, Immutable, Alias("halo.Webhooks.WebhookReceipt")]
public sealed record WebhookReceipt(int Occurrences, int Applied, int Ignored);
