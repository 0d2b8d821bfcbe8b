using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>
/// A write reached HaloPSA but no clear answer came back (5xx, dropped connection, timeout after sending): it may or
/// may not have been applied. It is never retried automatically; check HaloPSA before repeating it.
/// </summary>
/// <param name="path">The path that was written to.</param>
/// <param name="statusCode">HaloPSA's HTTP status, when a response arrived.</param>
/// <param name="innerException">The underlying fault.</param>
public sealed class HaloWriteOutcomeUnknownException(string? path, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : HaloApiException(
        "HaloPSA failed while handling a write; it may or may not have been applied. Check HaloPSA before repeating it.",
        statusCode,
        path,
        innerException);
