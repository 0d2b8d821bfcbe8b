namespace HaloMcp.Api.Webhooks;

/// <summary>Why a delivery was refused, as its answer says (nothing was applied).</summary>
/// <param name="Error">What is wrong, in words.</param>
internal sealed record WebhookRefusal(string Error);
