namespace HaloMcp.Grains.HaloPsa.Resilience;

/// <summary>One logical HaloPSA call (possibly several attempts).</summary>
/// <param name="Method">GET, POST or DELETE.</param>
/// <param name="PathAndQuery">Relative to <c>/api/</c>, e.g. <c>Tickets?pageinate=true&amp;page_no=1</c>.</param>
/// <param name="Kind">Read or write, for the request gate.</param>
/// <param name="Entity">The entity in domain words, for not-found messages.</param>
/// <param name="EntityId">The id asked for, for not-found messages; null for lists.</param>
/// <param name="Body">The JSON body of a write.</param>
internal sealed record HaloRequest(
    HttpMethod Method,
    string PathAndQuery,
    HaloRequestKind Kind,
    string Entity,
    string? EntityId = null,
    byte[]? Body = null)
{
    /// <summary>The path without its query (queries can carry customer data; logs and errors get this).</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
