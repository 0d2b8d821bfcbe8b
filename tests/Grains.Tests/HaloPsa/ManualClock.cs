namespace HaloMcp.Grains.Tests.HaloPsa;

internal static class ManualClock
{
    /// <summary>Moves <paramref name="time"/> by <paramref name="step"/> until <paramref name="condition"/> holds; fails after a bound.</summary>
    public static async Task AdvanceUntilAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, Func<bool> condition, TimeSpan step)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            time.Advance(step);
            await Task.Delay(1);
        }

        Assert.True(condition(), "condition not reached");
    }

    /// <summary>Waits (without moving the clock) until <paramref name="condition"/> holds; fails after a bound.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, bool failIfNot = true)
    {
        for (var i = 0; i < 5_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        if (failIfNot)
        {
            Assert.True(condition(), "condition not reached");
        }
    }
}
