using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA refused the credentials or the token (401, or a rejected token request).</summary>
/// <param name="message">A user-facing description.</param>
/// <param name="statusCode">HaloPSA's HTTP status.</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloAuthenticationException(string message, HttpStatusCode? statusCode = null, string? path = null)
    : HaloApiException(message, statusCode, path);
