using HaloMcp.TestSupport;

namespace HaloMcp.Grains.Tests.HaloPsa;

internal static class ManualClock
{
    /// <summary>Moves the clock in steps until <paramref name="task"/> completes (bounded), yielding between
    /// steps so the awaiting code can register its next timer.</summary>
    public static async Task<T> DriveAsync<T>(this ManualTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(step);
        }

        return await task;
    }

    /// <summary>Waits (without moving the clock) until <paramref name="condition"/> holds; fails after a bound.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition(), "condition not reached");
    }
}
