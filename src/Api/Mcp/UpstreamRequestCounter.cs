using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HaloMcp.Api.Mcp;

/// <summary>
/// Counts the HTTP requests a tool call makes to HaloPSA, for its log line. Each call runs in an activity of its own
/// trace; grains make their requests with <see cref="HttpClient"/>, whose activities join the trace of whatever
/// called them, so every outgoing request whose trace is a call's is counted against that call. A request that
/// several calls wait for (one token fetch, one reference-data load) counts for the call that started it.
/// </summary>
/// <remarks>
/// The trace reaches the grains through Orleans' activity propagation (its grain-call activities are sampled only
/// inside a call's trace, so nothing else pays for an activity). Only requests made in this process are seen: a silo
/// in another process counts its own.
/// </remarks>
internal sealed class UpstreamRequestCounter : IDisposable
{
    public const string ActivitySourceName = "HaloMcp.Api";
    private const string HttpActivitySourceName = "System.Net.Http";
    private const string OrleansActivitySourcePrefix = "Microsoft.Orleans";

    private readonly ActivitySource _source = new(ActivitySourceName);
    private readonly ConcurrentDictionary<ActivityTraceId, StrongBox<int>> _calls = new();
    private readonly ActivityListener _listener;

    public UpstreamRequestCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ActivitySourceName or HttpActivitySourceName
                || source.Name.StartsWith(OrleansActivitySourcePrefix, StringComparison.Ordinal),
            Sample = Sample,
            ActivityStarted = Started,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts counting for one tool call; dispose the scope when the call ends.</summary>
    public CallScope Begin(string toolName)
    {
        // A new trace per call, whatever the HTTP request carried: a client's traceparent must not merge calls.
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = _source.StartActivity("tools/call " + toolName);
        Activity.Current = activity ?? previous;
        var box = new StrongBox<int>();
        if (activity is not null)
        {
            _calls[activity.TraceId] = box;
        }

        return new CallScope(this, activity, previous, box);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
    }

    private ActivitySamplingResult Sample(ref ActivityCreationOptions<ActivityContext> options) =>
        options.Source.Name == ActivitySourceName || _calls.ContainsKey(options.TraceId)
            ? ActivitySamplingResult.PropagationData
            : ActivitySamplingResult.None;

    private void Started(Activity activity)
    {
        if (activity.Source.Name == HttpActivitySourceName && _calls.TryGetValue(activity.TraceId, out var box))
        {
            Interlocked.Increment(ref box.Value);
        }
    }

    /// <summary>One tool call being counted.</summary>
    internal readonly struct CallScope(UpstreamRequestCounter owner, Activity? activity, Activity? previous, StrongBox<int> box) : IDisposable
    {
        /// <summary>Upstream requests started so far.</summary>
        public int Requests => Volatile.Read(ref box.Value);

        public void Dispose()
        {
            if (activity is not null)
            {
                owner._calls.TryRemove(activity.TraceId, out _);
                activity.Dispose();
            }

            Activity.Current = previous;
        }
    }
}
