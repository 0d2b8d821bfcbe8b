using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>
/// The retry policies. Reads: deadline → retry (429, 5xx, transport faults, attempt timeouts; jittered exponential
/// back-off, Retry-After honoured). Writes: deadline → retry ONLY what HaloPSA provably did not process (429,
/// connection refused / unresolvable host); anything ambiguous surfaces. Each HTTP exchange runs under
/// <see cref="Http.HaloAttemptHandler"/>.
/// </summary>
internal static class HaloResiliencePipelines
{
    public static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("halo.deadline");
    public static readonly ResiliencePropertyKey<HaloRequest> RequestKey = new("halo.request");

    public static ResiliencePipeline<HaloResponse> ForReads(HaloClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        Build(options, options.ReadDeadline, timeProvider, logger, IsRetryableRead);

    public static ResiliencePipeline<HaloResponse> ForWrites(HaloClientOptions options, TimeProvider timeProvider, ILogger logger) =>
        Build(options, options.WriteDeadline, timeProvider, logger, IsRetryableWrite);

    /// <summary>True when the request provably never reached HaloPSA (no connection was made).</summary>
    public static bool NeverSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;

    private static ResiliencePipeline<HaloResponse> Build(
        HaloClientOptions options,
        TimeSpan deadline,
        TimeProvider timeProvider,
        ILogger logger,
        Func<Outcome<HaloResponse>, bool> isRetryable)
    {
        var builder = new ResiliencePipelineBuilder<HaloResponse> { TimeProvider = timeProvider }
            .AddTimeout(deadline);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HaloResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(isRetryable(args.Outcome) && FitsDeadline(args.Outcome, args.Context, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { IsRateLimited: true, RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    var path = args.Context.Properties.TryGetValue(RequestKey, out var request) ? request.Path : "?";
                    var reason = args.Outcome.Result is { } result ? $"HTTP {(int)result.Status}" : args.Outcome.Exception?.GetType().Name ?? "unknown";
                    HaloApiClientLog.Retrying(logger, path, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static bool IsRetryableRead(Outcome<HaloResponse> outcome) => outcome switch
    {
        { Result: { } r } => r.IsRateLimited || r.IsServerError,
        { Exception: HttpRequestException } => true,
        { Exception: TimeoutRejectedException } => true,
        _ => false,
    };

    private static bool IsRetryableWrite(Outcome<HaloResponse> outcome) => outcome switch
    {
        { Result: { } r } => r.IsRateLimited,
        { Exception: HttpRequestException e } => NeverSent(e),
        _ => false,
    };

    // A Retry-After that ends past the deadline is not waited out: the caller hears "rate limited" at once.
    private static bool FitsDeadline(Outcome<HaloResponse> outcome, ResilienceContext context, TimeProvider timeProvider) =>
        outcome.Result is not { IsRateLimited: true, RetryAfter: { } wait }
        || !context.Properties.TryGetValue(DeadlineKey, out var deadline)
        || timeProvider.GetUtcNow() + wait < deadline;
}
