using System.Diagnostics.Metrics;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Ops;
using HaloMcp.Silo.Ops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HaloMcp.Ops.Tests.Metrics;

/// <summary>
/// The silo's aggregator against the real <see cref="TenantMetrics"/> (and a meter shaped like HttpClient's), on a fake
/// clock: what the grains emit is what the page shows, bucketed and forgotten on time.
/// </summary>
public sealed class TenantActivityAggregatorTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 5, TimeSpan.Zero));
    private readonly ServiceProvider _services;
    private readonly TenantActivityAggregator _aggregator;
    private readonly TenantMetrics _metrics;

    // Other tests in this process emit on the same instrument names: every tenant here is this test's own.
    private readonly string _tenant = "t-" + Guid.NewGuid().ToString("N");

    public TenantActivityAggregatorTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new TenantMetrics(meters);
        _aggregator = new TenantActivityAggregator(_time, meters);
    }

    public Task InitializeAsync() => _aggregator.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _aggregator.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    public void Dispose() => _aggregator.Dispose();

    [Fact]
    public void Every_counter_the_grains_emit_is_counted_for_its_tenant()
    {
        _metrics.Permitted(_tenant, "read", waited: false);
        _metrics.Permitted(_tenant, "write", waited: true);
        _metrics.Permitted(_tenant, "read", waited: true);
        _metrics.Rejected(_tenant);
        _metrics.RateLimited(_tenant);
        _metrics.RateLimited(_tenant);
        _metrics.TokenRequested(_tenant);
        _metrics.CacheLookup(_tenant, "statuses", hit: true);
        _metrics.CacheLookup(_tenant, "statuses", hit: true);
        _metrics.CacheLookup(_tenant, "statuses", hit: false);
        _metrics.CacheLookup(_tenant, "teams", hit: false);
        _metrics.Permitted("other-" + _tenant, "read", waited: false);

        var activity = Mine();
        Assert.Equal(3, activity.Permits);
        Assert.Equal(2, activity.WaitedPermits);
        Assert.Equal(1, activity.Rejections);
        Assert.Equal(2, activity.RateLimited);
        Assert.Equal(1, activity.TokenRequests);
        Assert.Equal([new CacheActivity("statuses", 2, 1), new CacheActivity("teams", 0, 1)], activity.Caches);
        Assert.Equal(2.0 / 3, activity.Caches[0].HitRate);
        Assert.Equal(_time.GetUtcNow(), activity.LastPermitAt);
    }

    [Fact]
    public void A_counter_of_the_grains_meter_that_the_page_does_not_know_by_name_is_still_shown()
    {
        // As a webhook delivery counter added to TenantMetrics' meter later would be.
        using var meter = _services.GetRequiredService<IMeterFactory>().Create(TenantMetrics.MeterName);
        var deliveries = meter.CreateCounter<long>("halomcp.webhooks.deliveries");
        deliveries.Add(2, new KeyValuePair<string, object?>("tenant", _tenant), new KeyValuePair<string, object?>("result", "applied"));
        deliveries.Add(1, new KeyValuePair<string, object?>("tenant", _tenant), new KeyValuePair<string, object?>("result", "refused"));

        Assert.Equal([new CounterTotal("halomcp.webhooks.deliveries", 3)], Mine().OtherCounters);
    }

    [Fact]
    public void Upstream_durations_give_recent_percentiles_and_count_5xx_and_unanswered_requests_as_errors()
    {
        using var meter = new Meter("System.Net.Http");
        var duration = meter.CreateHistogram<double>("http.client.request.duration", "s");
        for (var i = 1; i <= 100; i++)
        {
            duration.Record(i / 1000.0, Tags(("tenant", _tenant), ("http.response.status_code", 200)));
        }

        duration.Record(0.5, Tags(("tenant", _tenant), ("http.response.status_code", 503)));
        duration.Record(25, Tags(("tenant", _tenant), ("error.type", "System.Threading.Tasks.TaskCanceledException")));
        duration.Record(0.01, Tags(("tenant", _tenant), ("http.response.status_code", 429)));
        duration.Record(0.01, Tags(("tenant", _tenant), ("http.response.status_code", 404)));
        duration.Record(0.01, Tags(("http.response.status_code", 500)));

        var activity = Mine();
        Assert.Equal(104, activity.UpstreamRequests);
        Assert.Equal(2, activity.UpstreamErrors);

        // Bucket bounds are at most 26 % above the true value: the 53rd of 104 is 51 ms, the 99th is 96 ms.
        Assert.InRange(activity.RecentLatency.PercentileMs(0.50)!.Value, 50, 51 * 1.26);
        Assert.InRange(activity.RecentLatency.PercentileMs(0.95)!.Value, 95, 96 * 1.26);

        // Ten minutes later nothing is recent any more; the totals stay.
        _time.Advance(TimeSpan.FromMinutes(10));
        activity = Mine();
        Assert.Null(activity.RecentLatency.PercentileMs(0.5));
        Assert.Equal(104, activity.UpstreamRequests);
    }

    [Fact]
    public void Permits_are_kept_per_ten_seconds_for_an_hour_and_a_quiet_tenant_is_forgotten_an_hour_after()
    {
        _metrics.Permitted(_tenant, "read", waited: false);
        _time.Advance(TimeSpan.FromSeconds(15));
        _metrics.Permitted(_tenant, "read", waited: false);
        _metrics.Permitted(_tenant, "read", waited: false);
        _time.Advance(TimeSpan.FromSeconds(20));

        var history = Assert.Single(_aggregator.History([_tenant, "nobody-" + _tenant]));
        Assert.Equal(360, history.Permits.Count);
        Assert.Equal(10, history.BucketSeconds);
        Assert.Equal(3, history.Permits.Sum());
        // 09:00:05 is in the bucket 09:00:00-10 and 09:00:20 in 09:00:20-30; the last bucket (09:00:40-50) holds now.
        Assert.Equal([1, 0, 2, 0, 0], history.Permits.TakeLast(5));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 50, TimeSpan.Zero), history.End);

        // An hour on, the first permits have left the history; the tenant stays until an hour after its last measurement.
        _time.Advance(TimeSpan.FromMinutes(59).Add(TimeSpan.FromSeconds(35)));
        history = Assert.Single(_aggregator.History([_tenant]));
        Assert.Equal(2, history.Permits.Sum());
        Assert.Contains(_aggregator.Snapshot(), a => a.TenantId == _tenant);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(_aggregator.Snapshot(), a => a.TenantId == _tenant);
        Assert.Empty(_aggregator.History([_tenant]));
    }

    private TenantActivity Mine() => Assert.Single(_aggregator.Snapshot(), a => a.TenantId == _tenant);

    private static KeyValuePair<string, object?>[] Tags(params (string Key, object Value)[] tags) =>
        [.. tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))];
}
