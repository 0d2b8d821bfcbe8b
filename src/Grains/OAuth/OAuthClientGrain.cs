using Orleans.Runtime;

namespace HaloMcp.Grains.OAuth;

/// <summary>A dynamically registered client: written once, read on every authorization and token request.</summary>
public sealed class OAuthClientGrain(
    [PersistentState("client", OAuthStorage.Name)] IPersistentState<OAuthClientGrain.State> state) : Grain, IOAuthClientGrain
{
    /// <inheritdoc />
    public async Task<bool> RegisterAsync(OAuthClientRegistration registration, CancellationToken cancellationToken)
    {
        if (state.State.Registration is not null)
        {
            return false;
        }

        state.State.Registration = registration;
        await state.WriteStateAsync(CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public Task<OAuthClientRegistration?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Registration);

    /// <summary>The stored registration.</summary>
    [GenerateSerializer, Alias("halo.OAuth.OAuthClientGrain.State")]
    public sealed class State
    {
        /// <summary>The registration, once made.</summary>
        [Id(0)]
        public OAuthClientRegistration? Registration { get; set; }
    }
}
