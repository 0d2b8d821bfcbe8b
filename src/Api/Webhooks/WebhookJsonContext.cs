using System.Text.Json.Serialization;
using HaloMcp.Grains.Webhooks;

namespace HaloMcp.Api.Webhooks;

/// <summary>Source-generated JSON for the webhook receiver's answers (HaloPSA keeps them on the delivery's log).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WebhookReceipt))]
[JsonSerializable(typeof(WebhookRefusal))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
