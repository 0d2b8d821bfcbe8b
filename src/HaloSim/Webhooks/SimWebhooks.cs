using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace HaloMcp.HaloSim.Webhooks;

/// <summary>
/// One instance's outgoing webhooks: its profiles, the deliveries they make of every committed change, and the
/// Deliveries log. Batch delays and delay faults run on the instance's <see cref="TimeProvider"/> (a test moves them
/// with its clock); the HTTP send itself, and its 30-second timeout, are real. A profile sends its deliveries one
/// at a time in the order they became due; HaloPSA does not retry a failed delivery, and neither does the simulator.
/// </summary>
public sealed partial class SimWebhooks : IAsyncDisposable
{
    /// <summary>The named <see cref="HttpClient"/> deliveries go through.</summary>
    internal const string HttpClientName = "HaloSim.Webhooks";

    private const int ResponseBodyLimit = 2000;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private readonly string _instance;
    private readonly TimeProvider _time;
    private readonly IHttpClientFactory _http;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<WebhookProfile> _profiles = [];
    private readonly List<SimWebhookDelivery> _deliveries = [];
    private readonly Dictionary<string, int> _deliveryIndex = new(StringComparer.Ordinal);
    private readonly HashSet<ITimer> _delays = [];

    internal SimWebhooks(string instance, IEnumerable<SimWebhookOptions> profiles, TimeProvider time, IHttpClientFactory http, ILogger logger)
    {
        _instance = instance;
        _time = time;
        _http = http;
        _logger = logger;
        if (TryConfigure([.. profiles]) is { } problem)
        {
            throw new InvalidOperationException($"HaloSim instance '{instance}': {problem}");
        }
    }

    /// <summary>Faults on this instance's deliveries.</summary>
    public SimWebhookFaults Faults { get; } = new();

    /// <summary>Every delivery so far, in the order they were formed, each as it stands now.</summary>
    public IReadOnlyList<SimWebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Whether any profile would fire: writes capture their changes only then.</summary>
    internal bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _profiles.Exists(p => p.Options.Active && !p.Disabled);
            }
        }
    }

    /// <summary>
    /// Replaces the profiles. A profile keeping its id keeps its queue and batches; a removed profile's batches go out
    /// at once and its queue drains.
    /// </summary>
    /// <exception cref="ArgumentException">A profile is invalid; nothing changed.</exception>
    public void Configure(IEnumerable<SimWebhookOptions> profiles)
    {
        if (TryConfigure([.. profiles]) is { } problem)
        {
            throw new ArgumentException(problem, nameof(profiles));
        }
    }

    /// <summary>Forgets the deliveries recorded so far.</summary>
    public void ClearDeliveries()
    {
        lock (_gate)
        {
            _deliveries.Clear();
            _deliveryIndex.Clear();
        }
    }

    internal string? TryConfigure(IReadOnlyList<SimWebhookOptions> profiles)
    {
        var planned = new List<(string Id, SimWebhookOptions Options, HashSet<int> Events)>();
        foreach (var given in profiles)
        {
            var options = given.Copy();
            if (Validate(options, out var events) is { } problem)
            {
                return problem;
            }

            var id = options.Id ?? Guid.NewGuid().ToString();
            if (planned.Exists(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                return $"two webhooks have the id {id}";
            }

            planned.Add((id, options, events));
        }

        lock (_gate)
        {
            foreach (var gone in _profiles.Where(p => !planned.Exists(n => string.Equals(n.Id, p.Id, StringComparison.OrdinalIgnoreCase))).ToList())
            {
                Retire(gone);
            }

            foreach (var (id, options, events) in planned)
            {
                Upsert(id, options, events);
            }
        }

        return null;
    }

    /// <summary>Creates or updates one profile (HaloPSA's <c>POST /api/Webhook</c>); returns the problem or null.</summary>
    internal string? TryUpsert(SimWebhookOptions given, out string id)
    {
        var options = given.Copy();
        id = options.Id ?? Guid.NewGuid().ToString();
        if (Validate(options, out var events) is { } problem)
        {
            return problem;
        }

        lock (_gate)
        {
            Upsert(id, options, events);
        }

        return null;
    }

    internal bool Remove(string id)
    {
        lock (_gate)
        {
            var profile = Find(id);
            if (profile is null)
            {
                return false;
            }

            Retire(profile);
            return true;
        }
    }

    /// <summary>Runs <paramref name="read"/> over the profiles under the lock (for the wire).</summary>
    internal T ReadProfiles<T>(Func<IReadOnlyList<WebhookProfile>, T> read)
    {
        lock (_gate)
        {
            return read(_profiles);
        }
    }

    /// <summary>
    /// Turns committed changes into occurrences for every profile that fires on them. Called under the dataset's lock,
    /// so occurrences are formed in commit order; it only queues work in memory.
    /// </summary>
    internal void Publish(IReadOnlyList<SimChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        lock (_gate)
        {
            foreach (var change in changes)
            {
                foreach (var e in SimWebhookEvents.For(change))
                {
                    foreach (var profile in _profiles.Where(p => p.Fires(e)))
                    {
                        Accept(profile, new WebhookOccurrence(Guid.NewGuid().ToString(), e, change, now));
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Task[] senders;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            foreach (var timer in _delays.Concat(_profiles.SelectMany(p => p.Batches.Values).Select(b => b.Timer).OfType<ITimer>()))
            {
                timer.Dispose();
            }

            foreach (var profile in _profiles)
            {
                profile.Outbox.Writer.TryComplete();
            }

            senders = [.. _profiles.Select(p => p.Sender)];
        }

        await Task.WhenAll(senders);
        _stopping.Dispose();
    }

    // --- profiles (under the lock) -------------------------------------------------------------------------

    private WebhookProfile? Find(string id) => _profiles.Find(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    private void Upsert(string id, SimWebhookOptions options, HashSet<int> events)
    {
        options.Id = id;
        if (Find(id) is { } existing)
        {
            // A batch already gathering keeps its timer; the new batching settings apply from the next batch.
            existing.Options = options;
            existing.Events = events;
            existing.Disabled = false;
            existing.ConsecutiveFailures = 0;
            return;
        }

        var profile = new WebhookProfile(id, options, events);
        profile.Sender = Task.Run(() => SendLoopAsync(profile));
        _profiles.Add(profile);
    }

    private void Retire(WebhookProfile profile)
    {
        foreach (var key in profile.Batches.Keys.ToList())
        {
            Flush(profile, key);
        }

        profile.Outbox.Writer.TryComplete();
        _profiles.Remove(profile);
    }

    private void Accept(WebhookProfile profile, WebhookOccurrence occurrence)
    {
        if (profile.Options.BatchMethod == SimWebhookBatching.None)
        {
            Queue(profile, [occurrence], batched: false);
            return;
        }

        var key = profile.BatchKey(occurrence.Event);
        if (!profile.Batches.TryGetValue(key, out var batch))
        {
            batch = new WebhookBatch();
            profile.Batches[key] = batch;
            batch.Timer = _time.CreateTimer(_ => FlushWhenDue(profile, key, batch), null,
                TimeSpan.FromSeconds(profile.Options.BatchDelaySeconds), Timeout.InfiniteTimeSpan);
        }

        batch.Occurrences.Add(occurrence);
        if (profile.Options.BatchLimit > 0 && batch.Occurrences.Count >= profile.Options.BatchLimit)
        {
            Flush(profile, key);
        }
    }

    private void FlushWhenDue(WebhookProfile profile, string key, WebhookBatch batch)
    {
        lock (_gate)
        {
            // The batch may have gone out already because it filled up; a later batch under the same key has its own timer.
            if (profile.Batches.TryGetValue(key, out var current) && ReferenceEquals(current, batch))
            {
                Flush(profile, key);
            }
        }
    }

    private void Flush(WebhookProfile profile, string key)
    {
        var batch = profile.Batches[key];
        profile.Batches.Remove(key);
        batch.Timer?.Dispose();
        Queue(profile, batch.Occurrences, batched: true);
    }

    /// <summary>
    /// Forms one delivery: its body (an array when it comes from a batch, even if the profile stopped batching since),
    /// its log entry, and (unless a drop fault takes it) its place in the queue.
    /// </summary>
    private void Queue(WebhookProfile profile, IReadOnlyList<WebhookOccurrence> occurrences, bool batched)
    {
        var options = profile.Options;
        var id = Guid.NewGuid().ToString();
        var body = RecordRendering.Serialize(w =>
        {
            if (batched)
            {
                w.WriteStartArray();
            }

            foreach (var occurrence in occurrences)
            {
                occurrence.WriteTo(w, id, profile);
            }

            if (batched)
            {
                w.WriteEndArray();
            }
        });
        var authorization = options.Authentication == SimWebhookAuthentication.Basic
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.BasicUsername}:{options.BasicPassword}"))
            : null;
        var headers = $"Content-Type: {options.ContentType}" + (authorization is null ? "" : "\nAuthorization: Basic ********");
        var now = _time.GetUtcNow();
        var delay = Faults.Delay;
        var dropped = Faults.TakeDrop();
        _deliveryIndex[id] = _deliveries.Count;
        _deliveries.Add(new SimWebhookDelivery(id, profile.Id, options.Name, options.Url, options.Method,
            [.. occurrences.Select(o => o.Event.Name)], [.. occurrences.Select(o => o.EntityId)], headers, Encoding.UTF8.GetString(body),
            now, now + delay, dropped ? SimWebhookDeliveryState.Dropped : SimWebhookDeliveryState.Queued));
        if (dropped)
        {
            return;
        }

        var send = new WebhookSend(id, options.Url, options.Method, options.ContentType, authorization, body);
        if (delay <= TimeSpan.Zero)
        {
            profile.Outbox.Writer.TryWrite(send);
            return;
        }

        var holder = new ITimer?[1];
        holder[0] = _time.CreateTimer(_ =>
        {
            lock (_gate)
            {
                if (holder[0] is { } timer)
                {
                    _delays.Remove(timer);
                    timer.Dispose();
                }
            }

            profile.Outbox.Writer.TryWrite(send);
        }, null, delay, Timeout.InfiniteTimeSpan);
        _delays.Add(holder[0]!);
    }

    // --- sending --------------------------------------------------------------------------------------------

    private async Task SendLoopAsync(WebhookProfile profile)
    {
        try
        {
            await foreach (var send in profile.Outbox.Reader.ReadAllAsync(_stopping.Token))
            {
                await SendAsync(profile, send);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued stays queued in the log.
        }
    }

    private async Task SendAsync(WebhookProfile profile, WebhookSend send)
    {
        var sentAt = _time.GetUtcNow();
        int? status = null;
        string? answer = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(new HttpMethod(send.Method), send.Url) { Content = new ByteArrayContent(send.Body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(send.ContentType);
            if (send.Authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", send.Authorization);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(SendTimeout);
            using var response = await _http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            answer = await response.Content.ReadAsStringAsync(timeout.Token);
            answer = answer.Length > ResponseBodyLimit ? answer[..ResponseBodyLimit] : answer;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {SendTimeout.TotalSeconds:0} s";
        }
        catch (Exception ex)
        {
            // Whatever went wrong (refused connection, reset, a bad answer), it is this delivery's failure: the queue goes on.
            error = ex.Message;
        }

        var delivered = status is >= 200 and < 300;
        lock (_gate)
        {
            if (_deliveryIndex.TryGetValue(send.DeliveryId, out var index))
            {
                _deliveries[index] = _deliveries[index] with
                {
                    State = delivered ? SimWebhookDeliveryState.Delivered : SimWebhookDeliveryState.Failed,
                    SentAt = sentAt, ResponseStatus = status, ResponseBody = answer, Error = error,
                };
            }

            profile.LastStatus = status;
            profile.ConsecutiveFailures = delivered ? 0 : profile.ConsecutiveFailures + 1;
            var limit = profile.Options.AutoDisableAttempts;
            if (!delivered && limit > 0 && profile.ConsecutiveFailures >= limit && !profile.Disabled)
            {
                profile.Disabled = true;
                AutoDisabled(_logger, _instance, profile.Options.Name, limit);
            }
        }

        if (!delivered)
        {
            DeliveryFailed(_logger, _instance, profile.Options.Name, send.Url, status ?? 0, error ?? "");
        }
    }

    // --- validation -----------------------------------------------------------------------------------------

    /// <summary>The first problem with a profile (a copy: its method is normalised), or null; resolves the events.</summary>
    private static string? Validate(SimWebhookOptions o, out HashSet<int> events)
    {
        events = [];
        if (o.Id is not null && !Guid.TryParse(o.Id, out _))
        {
            return $"webhook id '{o.Id}' is not a GUID";
        }

        if (!Uri.TryCreate(o.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"webhook '{o.Name}': url must be an absolute http(s) URL, not '{o.Url}'";
        }

        o.Method = (o.Method ?? "").ToUpperInvariant();
        if (o.Method is not ("POST" or "PUT" or "PATCH"))
        {
            return $"webhook '{o.Name}': method must be POST, PUT or PATCH";
        }

        if (!string.Equals(o.ContentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"webhook '{o.Name}': content type can only be application/json";
        }

        if (!Enum.IsDefined(o.Authentication))
        {
            return $"webhook '{o.Name}': authentication must be none (0) or basic (1); bearer, API key and certificate are not simulated";
        }

        if (o.Authentication == SimWebhookAuthentication.Basic && (string.IsNullOrEmpty(o.BasicUsername) || o.BasicPassword is null))
        {
            return $"webhook '{o.Name}': Basic authentication needs a username and a password";
        }

        foreach (var spec in o.Events)
        {
            if (spec.Trim() == "*")
            {
                continue;
            }

            if (SimWebhookEvents.Find(spec) is not { } e)
            {
                return $"webhook '{o.Name}': unknown event '{spec}'";
            }

            events.Add(e.EventNo);
        }

        if (o.Events.Exists(s => s.Trim() == "*"))
        {
            events.Clear();
        }

        if (!Enum.IsDefined(o.BatchMethod))
        {
            return $"webhook '{o.Name}': batch method must be 0 (none), 1 (same event), 2 (same event type) or 3 (any event)";
        }

        if (o.BatchMethod != SimWebhookBatching.None && o.BatchDelaySeconds < 1)
        {
            return $"webhook '{o.Name}': a batching webhook needs a batch delay of at least 1 second";
        }

        return o.BatchLimit < 0 || o.AutoDisableAttempts < 0 || o.BatchDelaySeconds < 0
            ? $"webhook '{o.Name}': batch delay, batch limit and auto-disable attempts cannot be negative"
            : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "HaloSim {Instance} webhook {Webhook} delivery to {Url} failed: {Status} {Error}")]
    private static partial void DeliveryFailed(ILogger logger, string instance, string webhook, string url, int status, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "HaloSim {Instance} webhook {Webhook} disabled itself after {Attempts} failed deliveries")]
    private static partial void AutoDisabled(ILogger logger, string instance, string webhook, int attempts);
}
