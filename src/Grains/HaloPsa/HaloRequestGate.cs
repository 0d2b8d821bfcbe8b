namespace HaloMcp.Grains.HaloPsa;

/// <summary>Ready-made <see cref="IHaloRequestGate"/> implementations.</summary>
public static class HaloRequestGate
{
    /// <summary>A gate that never waits and ignores 429s: for tools, tests and single-caller use.</summary>
    public static IHaloRequestGate Unlimited { get; } = new UnlimitedGate();

    private sealed class UnlimitedGate : IHaloRequestGate
    {
        public ValueTask AcquireAsync(HaloRequestKind kind, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.CompletedTask;
        }

        public void OnRateLimited(TimeSpan? retryAfter)
        {
        }
    }
}
