namespace HaloMcp.Cluster.Tests.Support;

/// <summary>Closed-loop callers: each sends its next call when the last one answered, until a time.</summary>
internal static class Load
{
    /// <summary>
    /// Runs one caller per entry of <paramref name="callers"/> until <paramref name="until"/>; each call's outcome is kept
    /// in order. A caller told "rate limited" pauses a moment, as a client honouring the answer would.
    /// </summary>
    public static async Task<IReadOnlyList<ToolOutcome>> RunAsync(IEnumerable<Func<Task<ToolOutcome>>> callers, Func<bool> until)
    {
        var runs = callers.Select(call => Task.Run(async () =>
        {
            var outcomes = new List<ToolOutcome>();
            while (!until())
            {
                var outcome = await call();
                outcomes.Add(outcome);
                await Task.Delay(outcome.RateLimited ? 250 : 50);
            }

            return outcomes;
        })).ToList();
        return [.. (await Task.WhenAll(runs)).SelectMany(o => o).OrderBy(o => o.StartedAt)];
    }
}
