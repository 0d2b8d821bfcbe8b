using System.Threading.Channels;

namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// A webhook profile while the simulator runs: its settings, the batches it is gathering, its queue of deliveries
/// (sent one at a time, in order, as one connection would), and its failure count. Guarded by the owner's lock,
/// except the queue, which is thread-safe.
/// </summary>
internal sealed class WebhookProfile(string id, SimWebhookOptions options, IReadOnlySet<int> events)
{
    public string Id { get; } = id;

    public SimWebhookOptions Options { get; set; } = options;

    /// <summary>Event numbers the profile fires on; empty means all.</summary>
    public IReadOnlySet<int> Events { get; set; } = events;

    public Dictionary<string, WebhookBatch> Batches { get; } = [];

    public Channel<WebhookSend> Outbox { get; } = Channel.CreateUnbounded<WebhookSend>(new UnboundedChannelOptions { SingleReader = true });

    public Task Sender { get; set; } = Task.CompletedTask;

    /// <summary>Set when <see cref="SimWebhookOptions.AutoDisableAttempts"/> consecutive deliveries failed.</summary>
    public bool Disabled { get; set; }

    public int ConsecutiveFailures { get; set; }

    public int? LastStatus { get; set; }

    public bool Fires(SimWebhookEvent e) => Options.Active && !Disabled && (Events.Count == 0 || Events.Contains(e.EventNo));

    /// <summary>The batch an occurrence of <paramref name="e"/> joins.</summary>
    public string BatchKey(SimWebhookEvent e) => Options.BatchMethod switch
    {
        SimWebhookBatching.SameEvent => e.EventNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
        SimWebhookBatching.SameEventType => e.Type,
        _ => "*",
    };
}
