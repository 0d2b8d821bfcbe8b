namespace HaloMcp.Grains.OAuth;

/// <summary>
/// The stored half of one HaloPSA agent sign-in (key: the session id, which is the grant id of the MCP client's
/// authorization). The tenant grain owns the agent's tokens (it caches, refreshes and hands them out); this grain only
/// keeps them across activations and silos. Persisted in <see cref="OAuthStorage.Name"/>. A cancellation token only stops the caller waiting: a change whose turn has begun is made whole.
/// </summary>
[Alias("halo.IAgentSessionGrain")]
public interface IAgentSessionGrain : IGrainWithStringKey
{
    /// <summary>Stores the sign-in (replacing what was stored), unless it has ended.</summary>
    [Alias("Save")]
    Task<bool> SaveAsync(AgentSessionRecord record, CancellationToken cancellationToken);

    /// <summary>The sign-in, or null when there is none or it has ended.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<AgentSessionRecord?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Ends the sign-in: its tokens are forgotten and it cannot be saved again.</summary>
    [Alias("End")]
    Task EndAsync(CancellationToken cancellationToken);
}
