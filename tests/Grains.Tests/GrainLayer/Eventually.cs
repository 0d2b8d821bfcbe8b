using System.Diagnostics;

namespace HaloMcp.Grains.Tests.GrainLayer;

/// <summary>
/// Waits for work in flight (real HTTP, continuations) to settle. The stopwatch only keeps a broken test from hanging;
/// nothing asserts how long anything took.
/// </summary>
public static class Eventually
{
    /// <summary>How long a test waits for something that should happen before it calls the wait a hang and fails.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

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

    /// <summary>
    /// Awaits <paramref name="calls"/>, failing instead of hanging when they never finish (e.g. calls that wrongly
    /// queue behind a budget the test never frees).
    /// </summary>
    public static async Task<T[]> AllAsync<T>(IEnumerable<Task<T>> calls)
    {
        var all = Task.WhenAll(calls);
        try
        {
            return await all.WaitAsync(HangGuard);
        }
        catch (TimeoutException) when (!all.IsCompleted)
        {
            Assert.Fail($"The calls did not finish within {HangGuard.TotalSeconds} s of real time; they are stuck.");
            throw;
        }
    }

    /// <summary>Waits until every task has finished, however it finished.</summary>
    public static async Task SettledAsync(IEnumerable<Task> tasks)
    {
        var all = Task.WhenAll(tasks);
        try
        {
            await all.WaitAsync(HangGuard);
        }
        catch (TimeoutException) when (!all.IsCompleted)
        {
            Assert.Fail($"The calls did not finish within {HangGuard.TotalSeconds} s of real time; they are stuck.");
        }
        catch (Exception)
        {
            // The test inspects each task itself.
        }
    }
}
