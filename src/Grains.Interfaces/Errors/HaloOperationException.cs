namespace HaloMcp.Grains.Errors;

/// <summary>
/// The one failure type that crosses the grain boundary. Its <see cref="Exception.Message"/> is safe to show to
/// a user: it never holds a secret, a token, a stack trace or another tenant's data.
/// </summary>
[GenerateSerializer, Alias("halo.Errors.HaloOperationException")]
public sealed class HaloOperationException : Exception
{
    /// <summary>Creates a failure of <paramref name="kind"/> with a user-facing <paramref name="message"/>.</summary>
    public HaloOperationException(HaloFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        RetryAfter = retryAfter;
    }

    /// <summary>What kind of failure this is.</summary>
    [Id(0)]
    public HaloFailureKind Kind { get; private set; }

    /// <summary>For <see cref="HaloFailureKind.RateLimited"/>: how long to wait before trying again.</summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>Creates a rate-limit failure whose message says when to retry.</summary>
    public static HaloOperationException RateLimited(TimeSpan retryAfter, string reason)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new HaloOperationException(HaloFailureKind.RateLimited, $"Rate limited: {reason}; retry after {seconds} s.", retryAfter);
    }
}
