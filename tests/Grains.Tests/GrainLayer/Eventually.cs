using System.Diagnostics;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Waits for work in flight (real HTTP, continuations) to settle. The stopwatch only keeps a broken test from hanging;
/// nothing asserts how long anything took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var guard = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(guard.Elapsed < HangGuard, $"Still not so after {HangGuard.TotalSeconds} s: {what}");
            await Task.Delay(1);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var guard = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(guard.Elapsed < HangGuard, $"Still not so after {HangGuard.TotalSeconds} s: {what}");
            await Task.Delay(1);
        }
    }

    /// <summary>Waits until every task has finished, however it finished.</summary>
    public static async Task SettledAsync(IEnumerable<Task> tasks)
    {
        try
        {
            await Task.WhenAll(tasks);
        }
        catch (Exception)
        {
            // The test inspects each task itself.
        }
    }
}
