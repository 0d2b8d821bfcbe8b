namespace HaloMcp.HaloSim;

/// <summary>HaloPSA's rolling-window request limit for one instance: at most N counted requests in any window.</summary>
internal sealed class RequestBudget(SimBudgetOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _counted = new();

    public SimBudgetOptions Options => options;

    /// <summary>Consumes one request of budget if any is left; a refused request consumes nothing.</summary>
    public bool TryConsume(out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        lock (_gate)
        {
            while (_counted.Count > 0 && _counted.Peek() <= now - window)
            {
                _counted.Dequeue();
            }

            if (_counted.Count >= options.Requests)
            {
                retryAfter = _counted.Count > 0 ? _counted.Peek() + window - now : window;
                return false;
            }

            _counted.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    public string LimitMessage =>
        $"Rate Limit Reached - {options.Requests} Requests per rolling {WindowText(options.WindowSeconds)} window";

    private static string WindowText(int seconds) =>
        seconds % 60 == 0 ? $"{seconds / 60} minute" : $"{seconds} second";
}
