namespace HaloMcp.Grains.OAuth;

/// <summary>One dynamically registered OAuth client (key: its client id). Persisted in <see cref="OAuthStorage.Name"/>. A cancellation token only stops the caller waiting: a change whose turn has begun is made whole.</summary>
[Alias("halo.IOAuthClientGrain")]
public interface IOAuthClientGrain : IGrainWithStringKey
{
    /// <summary>Stores the registration; false when this client id is already taken (nothing is changed then).</summary>
    [Alias("Register")]
    Task<bool> RegisterAsync(OAuthClientRegistration registration, CancellationToken cancellationToken);

    /// <summary>The registration, or null when no client has this id.</summary>
    [ReadOnly]
    [Alias("Get")]
    Task<OAuthClientRegistration?> GetAsync(CancellationToken cancellationToken);
}
