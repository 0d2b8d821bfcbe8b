namespace HaloMcp.Silo;

/// <summary>Call counters for one grain method (overloads share one).</summary>
internal sealed class GrainMethodCounters(string method)
{
    private long _calls;
    private long _errors;
    private long _durationTicks;

    public string Method { get; } = method;

    public void Record(bool failed, TimeSpan duration)
    {
        Interlocked.Increment(ref _calls);
        if (failed)
        {
            Interlocked.Increment(ref _errors);
        }

        Interlocked.Add(ref _durationTicks, duration.Ticks);
    }

    public GrainMethodStatistics Snapshot() => new(
        Method, Volatile.Read(ref _calls), Volatile.Read(ref _errors), TimeSpan.FromTicks(Volatile.Read(ref _durationTicks)));
}
