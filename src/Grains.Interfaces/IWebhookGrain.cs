using HaloMcp.Grains.Webhooks;

namespace HaloMcp.Grains;

/// <summary>
/// A tenant's incoming HaloPSA webhooks (key: tenant id). Deliveries are applied one at a time in arrival order, to
/// the caches of the tenant's grains at once, and never cost an upstream request.
/// </summary>
[Alias("halo.IWebhookGrain")]
public interface IWebhookGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies every occurrence of <paramref name="delivery"/>: what it carries replaces the cached copy unless that copy
    /// is newer, and what it makes stale is dropped. A delivery that cannot be read changes nothing.
    /// </summary>
    /// <exception cref="Errors.HaloOperationException">With <see cref="Errors.HaloFailureKind.Validation"/>: the delivery is malformed (the message says how).</exception>
    [Alias("Apply")]
    Task<WebhookReceipt> ApplyAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}
