namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// One webhook profile of an instance (HaloPSA: Configuration &gt; Integrations &gt; Webhooks): where to post, how to
/// authenticate, which events, and how to batch. Also settable at run time through <c>/_sim/webhooks/{instance}</c>
/// and through the API's <c>/api/Webhook</c>.
/// </summary>
public sealed class SimWebhookOptions
{
    /// <summary>The profile's id (a GUID, as HaloPSA's); generated when not set.</summary>
    public string? Id { get; set; }

    /// <summary>The profile's name, shown in deliveries and payloads.</summary>
    public string Name { get; set; } = "webhook";

    /// <summary>The receiver's absolute http(s) URL.</summary>
    public string Url { get; set; } = "";

    /// <summary><c>POST</c> (HaloPSA's default), <c>PUT</c> or <c>PATCH</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>The <c>Content-Type</c> of deliveries; HaloPSA only sends JSON.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>How the receiver is authenticated.</summary>
    public SimWebhookAuthentication Authentication { get; set; }

    /// <summary>The Basic username (with <see cref="SimWebhookAuthentication.Basic"/>).</summary>
    public string? BasicUsername { get; set; }

    /// <summary>The Basic password (with <see cref="SimWebhookAuthentication.Basic"/>).</summary>
    public string? BasicPassword { get; set; }

    /// <summary>
    /// The events that trigger the profile, by name ("Action Added") or number ("7"). Empty means every event (a
    /// simulator convenience: HaloPSA asks for at least one).
    /// </summary>
    public List<string> Events { get; set; } = [];

    /// <summary>How occurrences are grouped into deliveries.</summary>
    public SimWebhookBatching BatchMethod { get; set; }

    /// <summary>With batching: seconds a batch waits after its first occurrence (at least 1).</summary>
    public int BatchDelaySeconds { get; set; }

    /// <summary>With batching: the most occurrences in one delivery; a full batch goes at once. 0: no limit.</summary>
    public int BatchLimit { get; set; }

    /// <summary>Consecutive failed deliveries after which the profile disables itself; 0: never.</summary>
    public int AutoDisableAttempts { get; set; }

    /// <summary>Whether the profile fires at all.</summary>
    public bool Active { get; set; } = true;

    internal SimWebhookOptions Copy()
    {
        var copy = (SimWebhookOptions)MemberwiseClone();
        copy.Events = [.. Events];
        return copy;
    }
}
