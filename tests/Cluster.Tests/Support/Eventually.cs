namespace HaloMcp.Cluster.Tests.Support;

/// <summary>Bounded polls for work in flight in other processes (membership, activations); never a timing assertion.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow + Bound;
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
                // The cluster may be mid-failover: ask again.
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not within {Bound.TotalSeconds:0} s: {what}.");
            }

            await Task.Delay(200);
        }
    }
}
