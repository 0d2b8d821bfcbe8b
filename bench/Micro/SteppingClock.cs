namespace HaloMcp.Bench.Micro;

/// <summary>A clock that moves on by a fixed step every time it is read, so a budget window keeps draining.</summary>
public sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks), TimeSpan.Zero);
}
