using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA answered 403: the API application (or its agent) lacks a permission.</summary>
/// <param name="message">A user-facing description.</param>
/// <param name="scope">The scope HaloPSA named as missing, when it named one.</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloPermissionException(string message, string? scope, string? path)
    : HaloApiException(message, HttpStatusCode.Forbidden, path)
{
    /// <summary>The missing scope (e.g. <c>read:tickets</c>) when HaloPSA's message named it.</summary>
    public string? Scope { get; } = scope;
}
