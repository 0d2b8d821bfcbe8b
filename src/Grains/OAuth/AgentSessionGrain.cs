using Orleans.Runtime;

namespace HaloMcp.Grains.OAuth;

/// <summary>
/// The stored half of one agent sign-in: the tenant grain's cache of the agent's tokens survives deactivations and
/// silos through it. An ended sign-in keeps a marker so that a refresh racing its end cannot bring it back.
/// </summary>
public sealed class AgentSessionGrain(
    [PersistentState("agentsession", OAuthStorage.Name)] IPersistentState<AgentSessionGrain.State> state) : Grain, IAgentSessionGrain
{
    /// <inheritdoc />
    public async Task<bool> SaveAsync(AgentSessionRecord record, CancellationToken cancellationToken)
    {
        if (state.State.Ended)
        {
            return false;
        }

        state.State.Record = record;
        await state.WriteStateAsync(CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public Task<AgentSessionRecord?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(state.State.Ended ? null : state.State.Record);

    /// <inheritdoc />
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        if (state.State.Ended)
        {
            return;
        }

        state.State.Ended = true;
        state.State.Record = null;
        await state.WriteStateAsync(CancellationToken.None);
    }

    /// <summary>The stored sign-in.</summary>
    [GenerateSerializer, Alias("halo.OAuth.AgentSessionGrain.State")]
    public sealed class State
    {
        /// <summary>The sign-in, while it lasts.</summary>
        [Id(0)]
        public AgentSessionRecord? Record { get; set; }

        /// <summary>Whether it has ended.</summary>
        [Id(1)]
        public bool Ended { get; set; }
    }
}
