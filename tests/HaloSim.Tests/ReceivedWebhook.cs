using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim.Tests;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(string Method, string Path, string Authorization, string ContentType, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    /// <summary>The occurrences: the object itself, or the batch's array.</summary>
    public List<JsonObject> Occurrences => Json is JsonArray array ? array.Items() : [Json.AsObject()];
}
