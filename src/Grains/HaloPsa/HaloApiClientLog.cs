using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.HaloPsa;

/// <summary>Log messages of the HaloPSA client. Paths only (no query strings, tokens or secrets).</summary>
internal static partial class HaloApiClientLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "HaloPSA {Path}: retry {Attempt} in {Delay} after {Reason}")]
    public static partial void Retrying(ILogger logger, string path, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "HaloPSA rate limited {Path}; Retry-After {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string path, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "HaloPSA rejected the access token on {Path}; fetching a new one")]
    public static partial void TokenRejected(ILogger logger, string path);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "HaloPSA {Method} {Path}: outcome unknown ({Reason}); not retried")]
    public static partial void WriteOutcomeUnknown(ILogger logger, string method, string path, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "HaloPSA {Method} {Path} failed: HTTP {Status}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, int status);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Requesting a HaloPSA token for client {ClientId} from {TokenHost}")]
    public static partial void RequestingToken(ILogger logger, string clientId, string tokenHost);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "HaloPSA token request for client {ClientId} failed: HTTP {Status} {Error}")]
    public static partial void TokenRequestFailed(ILogger logger, string clientId, int status, string? error);
}
