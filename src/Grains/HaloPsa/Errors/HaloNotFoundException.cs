using System.Net;

namespace HaloMcp.Grains.HaloPsa.Errors;

/// <summary>HaloPSA has no such record (404).</summary>
/// <param name="entity">The entity in domain words, e.g. <c>ticket</c>.</param>
/// <param name="id">The id that was asked for.</param>
/// <param name="path">The path that failed.</param>
public sealed class HaloNotFoundException(string entity, string id, string? path)
    : HaloApiException($"No {entity} {id}.", HttpStatusCode.NotFound, path)
{
    /// <summary>The entity in domain words, e.g. <c>ticket</c>.</summary>
    public string Entity { get; } = entity;

    /// <summary>The id that was asked for.</summary>
    public string Id { get; } = id;
}
