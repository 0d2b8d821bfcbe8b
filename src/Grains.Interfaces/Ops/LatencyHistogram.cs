namespace HaloMcp.Grains.Ops;

/// <summary>
/// Request durations in logarithmic buckets: bucket <c>i</c> holds durations up to <see cref="UpperBoundMs"/>(i), each
/// bound 2^(1/3) (26 %) above the one before, from 0.25 ms to over 4 minutes; the last bucket also holds anything
/// longer. Histograms of different silos add up bucket by bucket, which percentiles would not.
/// </summary>
/// <param name="Counts">Requests per bucket; <see cref="BucketCount"/> entries, or none for an empty histogram.</param>
[GenerateSerializer, Immutable, Alias("halo.Ops.LatencyHistogram")]
public sealed record LatencyHistogram(IReadOnlyList<int> Counts)
{
    /// <summary>How many buckets a non-empty histogram has.</summary>
    public const int BucketCount = 60;

    private const double SmallestBoundMs = 0.25;
    private const double StepsPerDoubling = 3;

    /// <summary>A histogram with no requests.</summary>
    public static LatencyHistogram Empty { get; } = new(Array.Empty<int>());

    /// <summary>Requests counted.</summary>
    public long Total => Counts.Sum(c => (long)c);

    /// <summary>The upper bound of bucket <paramref name="index"/>, in milliseconds.</summary>
    public static double UpperBoundMs(int index) => SmallestBoundMs * Math.Pow(2, index / StepsPerDoubling);

    /// <summary>The bucket a duration of <paramref name="milliseconds"/> falls in.</summary>
    public static int BucketOf(double milliseconds) =>
        milliseconds <= SmallestBoundMs
            ? 0
            : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log2(milliseconds / SmallestBoundMs) * StepsPerDoubling - 1e-9));

    /// <summary>
    /// The duration below which a fraction <paramref name="quantile"/> of the requests fell, as the upper bound of the
    /// bucket that holds it (so at most 26 % above the true value); null when nothing was counted.
    /// </summary>
    public double? PercentileMs(double quantile)
    {
        var total = Total;
        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            seen += Counts[i];
            if (seen >= rank)
            {
                return UpperBoundMs(i);
            }
        }

        return UpperBoundMs(Counts.Count - 1);
    }

    /// <summary>This histogram and <paramref name="other"/> added bucket by bucket.</summary>
    public LatencyHistogram Add(LatencyHistogram other)
    {
        if (other.Counts.Count == 0)
        {
            return this;
        }

        if (Counts.Count == 0)
        {
            return other;
        }

        var sum = new int[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            sum[i] = Counts[i] + other.Counts[i];
        }

        return new LatencyHistogram(sum);
    }
}
