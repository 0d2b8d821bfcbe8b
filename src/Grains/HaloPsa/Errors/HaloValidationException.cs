using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA rejected the request as invalid (400); <see cref="HaloMessage"/> is HaloPSA's own text.</summary>
/// <param name="haloMessage">HaloPSA's message, parsed from the error body.</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloValidationException(string haloMessage, string? path)
    : HaloApiException($"HaloPSA rejected the request: {haloMessage}", HttpStatusCode.BadRequest, path)
{
    /// <summary>HaloPSA's message, e.g. "An Outcome must be entered for this Action".</summary>
    public string HaloMessage { get; } = haloMessage;
}
