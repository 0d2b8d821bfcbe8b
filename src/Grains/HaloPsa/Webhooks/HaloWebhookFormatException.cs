namespace HaloMcp.Grains.HaloPsa.Webhooks;

/// <summary>A webhook delivery that cannot be read; its message says what is wrong (never the body).</summary>
/// <param name="message">What is wrong.</param>
public sealed class HaloWebhookFormatException(string message) : Exception(message);
