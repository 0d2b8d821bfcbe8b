using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>
/// HaloPSA failed (5xx, timeout, unreachable) after the retries a read is allowed, or a write could not be sent at
/// all. Nothing was changed; the call can be repeated later.
/// </summary>
/// <param name="message">A user-facing description.</param>
/// <param name="statusCode">HaloPSA's last HTTP status, when a response arrived.</param>
/// <param name="path">The path that failed.</param>
/// <param name="innerException">The underlying fault.</param>
public sealed class HaloTransientException(string message, HttpStatusCode? statusCode, string? path, Exception? innerException = null)
    : HaloApiException(message, statusCode, path, innerException);
