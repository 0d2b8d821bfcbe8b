using HaloMcp.Grains.HaloPsa;

namespace HaloMcp.Grains.Tests.HaloPsa;

/// <summary>A real (if trivial) gate that counts what the client tells it.</summary>
public sealed class CountingRequestGate : IHaloRequestGate
{
    private int _reads;
    private int _writes;
    private int _rateLimited;
    private readonly Lock _gate = new();
    private readonly List<TimeSpan?> _retryAfters = [];

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public int Total => Reads + Writes;

    public int RateLimited => Volatile.Read(ref _rateLimited);

    public IReadOnlyList<TimeSpan?> RetryAfters
    {
        get
        {
            lock (_gate)
            {
                return [.. _retryAfters];
            }
        }
    }

    public ValueTask AcquireAsync(HaloRequestKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref kind == HaloRequestKind.Read ? ref _reads : ref _writes);
        return ValueTask.CompletedTask;
    }

    public void OnRateLimited(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _rateLimited);
        lock (_gate)
        {
            _retryAfters.Add(retryAfter);
        }
    }
}
