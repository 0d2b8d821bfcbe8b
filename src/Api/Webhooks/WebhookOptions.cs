namespace HaloMcp.Api.Webhooks;

/// <summary>The webhook receiver (<c>/webhooks/halopsa/{tenant}</c>), bound from the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>
    /// The largest delivery accepted; bigger ones get 413. A batch carries whole tickets (wide records, tens of KB each
    /// on a real instance), so the default is generous: 8 MiB.
    /// </summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;
}
