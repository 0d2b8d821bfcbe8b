using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Ops;
using Microsoft.Extensions.Hosting;

namespace HaloMcp.Silo.Ops;

/// <summary>
/// This silo's per-tenant view of the metrics its grains already emit: a <see cref="MeterListener"/> on meter
/// <c>HaloMcp.Grains</c> (<see cref="TenantMetrics"/>) and on the HaloPSA HTTP client's
/// <c>http.client.request.duration</c> (tagged with the tenant by <see cref="UpstreamMetricsTenantTag"/>). It keeps
/// totals, recent latency and an hour of permits per tenant, and forgets a tenant an hour after its metrics last
/// moved, so idle tenants cost nothing here for long. The operations page reads it through
/// <see cref="ISiloOpsService"/>, one per silo.
/// </summary>
public sealed class TenantActivityAggregator : IHostedService, IDisposable
{
    /// <summary>How long a tenant whose metrics stopped moving is still reported.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private const string HttpMeterName = "System.Net.Http";
    private const string HttpDurationInstrument = "http.client.request.duration";

    private readonly ConcurrentDictionary<string, TenantSeries> _tenants = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly MeterListener _listener = new();
    private ITimer? _sweep;

    /// <summary>
    /// Creates the aggregator; it listens once started, to meters of <paramref name="meters"/> (this silo's own) and to
    /// meters made without a factory. Several silos (or servers) in one process, as in tests, each count their own.
    /// </summary>
    public TenantActivityAggregator(TimeProvider time, IMeterFactory meters)
    {
        _time = time;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)) && KindOf(instrument) is { } kind)
            {
                listener.EnableMeasurementEvents(instrument, kind);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => OnMeasurement(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<double>(OnDuration);
    }

    private enum Instrument
    {
        Permits,
        Rejections,
        TokenRequests,
        CacheLookups,
        RateLimited,
        OtherCounter,
        HttpDuration,
    }

    /// <summary>Tenants seen within <see cref="Retention"/>.</summary>
    public int TenantCount => _tenants.Count;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        _sweep = _time.CreateTimer(_ => Sweep(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _sweep?.Dispose();
        _listener.Dispose();
    }

    /// <summary>Every tenant seen within <see cref="Retention"/>, as this silo counted it.</summary>
    public IReadOnlyList<TenantActivity> Snapshot()
    {
        Sweep();
        var now = _time.GetUtcNow();
        return [.. _tenants.Values.Select(s => s.Snapshot(now))];
    }

    /// <summary>The last hour's permits of each tenant in <paramref name="tenantIds"/> that this silo has seen.</summary>
    public IReadOnlyList<BudgetHistory> History(IEnumerable<string> tenantIds)
    {
        var now = _time.GetUtcNow();
        var end = DateTimeOffset.FromUnixTimeSeconds((now.ToUnixTimeSeconds() / TenantSeries.BucketSeconds + 1) * TenantSeries.BucketSeconds);
        return
        [
            .. tenantIds.Distinct(StringComparer.Ordinal)
                .Select(id => _tenants.TryGetValue(id, out var series) ? new BudgetHistory(id, end, TenantSeries.BucketSeconds, series.Permits(now)) : null)
                .OfType<BudgetHistory>(),
        ];
    }

    /// <summary>Forgets tenants whose metrics have not moved within <see cref="Retention"/>.</summary>
    public void Sweep()
    {
        var cutoff = _time.GetUtcNow() - Retention;
        foreach (var (tenantId, series) in _tenants)
        {
            if (series.LastSeen < cutoff)
            {
                _tenants.TryRemove(tenantId, out _);
            }
        }
    }

    private static Instrument? KindOf(System.Diagnostics.Metrics.Instrument instrument) => instrument.Meter.Name switch
    {
        TenantMetrics.MeterName => instrument.Name switch
        {
            "halomcp.budget.permits" => Instrument.Permits,
            "halomcp.budget.rejections" => Instrument.Rejections,
            "halomcp.tokens.requested" => Instrument.TokenRequests,
            "halomcp.cache.lookups" => Instrument.CacheLookups,
            "halomcp.upstream.rate_limited" => Instrument.RateLimited,
            _ when instrument is Counter<long> or Counter<int> => Instrument.OtherCounter,
            _ => null,
        },
        HttpMeterName when instrument.Name == HttpDurationInstrument => Instrument.HttpDuration,
        _ => null,
    };

    private void OnMeasurement(System.Diagnostics.Metrics.Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (Tag(tags, "tenant") is not string tenantId || state is not Instrument kind)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var series = _tenants.GetOrAdd(tenantId, static id => new TenantSeries(id));
        switch (kind)
        {
            case Instrument.Permits:
                series.Permitted(Tag(tags, "waited") is true, now);
                break;
            case Instrument.Rejections:
                series.Rejected(now);
                break;
            case Instrument.TokenRequests:
                series.TokenRequested(now);
                break;
            case Instrument.RateLimited:
                series.RateLimited(now);
                break;
            case Instrument.CacheLookups:
                series.CacheLookup(Tag(tags, "cache") as string ?? "unknown", Tag(tags, "result") as string == "hit", now);
                break;
            default:
                series.Other(instrument.Name, value, now);
                break;
        }
    }

    private void OnDuration(System.Diagnostics.Metrics.Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is not Instrument.HttpDuration || Tag(tags, "tenant") is not string tenantId)
        {
            return;
        }

        // HaloPSA's 429s are counted on their own (halomcp.upstream.rate_limited) and 4xx answers are the request's
        // fault, not HaloPSA's: an error here is a 5xx or a request that got no answer at all.
        var status = Tag(tags, "http.response.status_code") switch
        {
            int code => code,
            long code => (int)code,
            _ => 0,
        };
        var failed = status >= 500 || (status == 0 && Tag(tags, "error.type") is not null);
        _tenants.GetOrAdd(tenantId, static id => new TenantSeries(id)).UpstreamRequest(seconds * 1000, failed, _time.GetUtcNow());
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
