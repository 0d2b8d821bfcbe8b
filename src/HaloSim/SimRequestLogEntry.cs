namespace HaloMcp.HaloSim;

/// <summary>One request an instance served, as the request log accounts it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path relative to the instance (e.g. <c>/api/Tickets/12</c>), as the caller spelled it.</param>
/// <param name="Query">Query string including the leading <c>?</c>, or empty.</param>
/// <param name="StatusCode">Status answered; 0 when the connection was aborted by an injected fault.</param>
/// <param name="StartedAt">When the request arrived, from the host's <see cref="TimeProvider"/>.</param>
/// <param name="EndedAt">
/// When the answer was ready to leave (just before its first byte was sent, or the connection aborted), from the host's
/// <see cref="TimeProvider"/>.
/// </param>
/// <param name="StartSequence">Global monotonic counter taken on arrival.</param>
/// <param name="EndSequence">
/// Global monotonic counter taken when the answer was ready to leave, before the client could see it: two requests
/// overlapped iff each started before the other ended.
/// </param>
/// <param name="BudgetCounted">Whether the request consumed rate-limit budget.</param>
/// <param name="Aborted">Whether the connection was aborted instead of answered.</param>
/// <param name="ClientId">The API application: its token's on <c>/api</c>, the token request's on <c>/auth</c>; null when unknown.</param>
/// <param name="AgentId">The signed-in agent the request acted as (authorization-code tokens); null for an application's own token.</param>
public sealed record SimRequestLogEntry(
    string Method,
    string Path,
    string Query,
    int StatusCode,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    long StartSequence,
    long EndSequence,
    bool BudgetCounted,
    bool Aborted,
    string? ClientId = null,
    int? AgentId = null);
