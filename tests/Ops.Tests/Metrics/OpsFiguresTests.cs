using HaloMcp.Api.Ops;
using HaloMcp.Grains.Ops;

namespace HaloMcp.Ops.Tests.Metrics;

/// <summary>The arithmetic behind the page: latency buckets, window use from permit buckets.</summary>
public sealed class OpsFiguresTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.25)]
    [InlineData(1)]
    [InlineData(3.7)]
    [InlineData(250)]
    [InlineData(90_000)]
    public void A_duration_falls_in_the_first_bucket_whose_bound_holds_it(double milliseconds)
    {
        var bucket = LatencyHistogram.BucketOf(milliseconds);
        Assert.True(milliseconds <= LatencyHistogram.UpperBoundMs(bucket));
        Assert.True(bucket == 0 || milliseconds > LatencyHistogram.UpperBoundMs(bucket - 1));
        Assert.True(LatencyHistogram.UpperBoundMs(bucket) <= Math.Max(0.25, milliseconds) * 1.26);
    }

    [Fact]
    public void Histograms_of_two_silos_add_up_bucket_by_bucket()
    {
        var a = new int[LatencyHistogram.BucketCount];
        var b = new int[LatencyHistogram.BucketCount];
        a[LatencyHistogram.BucketOf(2)] = 9;
        b[LatencyHistogram.BucketOf(400)] = 1;

        var sum = new LatencyHistogram(a).Add(new LatencyHistogram(b)).Add(LatencyHistogram.Empty);

        Assert.Equal(10, sum.Total);
        Assert.Equal(LatencyHistogram.UpperBoundMs(LatencyHistogram.BucketOf(2)), sum.PercentileMs(0.9));
        Assert.Equal(LatencyHistogram.UpperBoundMs(LatencyHistogram.BucketOf(400)), sum.PercentileMs(0.95));
    }

    [Fact]
    public void Window_use_at_each_bucket_is_the_permits_of_the_window_ending_there()
    {
        // Buckets of 10 s, a window of 30 s (three buckets), a budget of 10.
        var history = new BudgetHistory("t", DateTimeOffset.UnixEpoch, 10, [2, 0, 4, 1, 0, 0, 3]);

        var use = BudgetChart.WindowUse(history, 10, 30);

        Assert.Equal([0.2, 0.2, 0.6, 0.5, 0.5, 0.1, 0.3], use.Select(u => Math.Round(u, 6)));
    }
}
