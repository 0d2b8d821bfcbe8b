using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>
/// A HaloPSA call failed. <see cref="Exception.Message"/> is safe to show a user: it never contains a token,
/// secret or stack trace, and says what to do where that is known.
/// </summary>
public class HaloApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A user-facing description.</param>
    /// <param name="statusCode">HaloPSA's HTTP status, when a response arrived.</param>
    /// <param name="path">The API path (and query) that failed, e.g. <c>Tickets/12</c>.</param>
    /// <param name="innerException">The underlying fault, if any.</param>
    public HaloApiException(string message, HttpStatusCode? statusCode = null, string? path = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Path = path;
    }

    /// <summary>HaloPSA's HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API path that failed (relative to <c>/api</c>), or the token endpoint path.</summary>
    public string? Path { get; }
}
