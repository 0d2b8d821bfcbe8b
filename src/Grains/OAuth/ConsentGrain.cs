using Orleans.Runtime;

namespace HaloMcp.Grains.OAuth;

/// <summary>
/// One visit of the consent page. Its state goes from storage once it can no longer be used (on deactivation after it
/// completed, locked or expired), so abandoned visits do not accumulate.
/// </summary>
public sealed class ConsentGrain(
    [PersistentState("consent", OAuthStorage.Name)] IPersistentState<ConsentGrain.State> state,
    TimeProvider time) : Grain, IConsentGrain
{
    /// <inheritdoc />
    public async Task<bool> StartAsync(ConsentRecord record, CancellationToken cancellationToken)
    {
        if (state.State.Record is not null)
        {
            return false;
        }

        state.State.Record = record;
        await state.WriteStateAsync(CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public Task<ConsentRecord?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Usable());

    /// <inheritdoc />
    public async Task<bool> FailAsync(int limit, CancellationToken cancellationToken)
    {
        if (Usable() is not { } record)
        {
            return true;
        }

        var failures = record.FailedAttempts + 1;
        state.State.Record = record with { FailedAttempts = failures, Stage = failures >= limit ? ConsentStage.Locked : record.Stage };
        await state.WriteStateAsync(CancellationToken.None);
        return failures >= limit;
    }

    /// <inheritdoc />
    public async Task<bool> AwaitHaloSignInAsync(string tenantId, bool readOnly, CancellationToken cancellationToken)
    {
        if (Usable() is not { Stage: ConsentStage.Pending } record)
        {
            return false;
        }

        state.State.Record = record with { Stage = ConsentStage.AwaitingHaloSignIn, TenantId = tenantId, ReadOnly = readOnly };
        await state.WriteStateAsync(CancellationToken.None);
        return true;
    }

    /// <inheritdoc />
    public async Task<ConsentRecord?> CompleteAsync(ConsentStage expected, CancellationToken cancellationToken)
    {
        if (Usable() is not { } record || record.Stage != expected)
        {
            return null;
        }

        state.State.Record = record with { Stage = ConsentStage.Completed };
        await state.WriteStateAsync(CancellationToken.None);
        return record;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On shutdown the storage may be going too (in-memory storage is grains of its own): tidy up another time.
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown && state.State.Record is not null && Usable() is null)
        {
            await state.ClearStateAsync(cancellationToken);
        }
    }

    private ConsentRecord? Usable() =>
        state.State.Record is { Stage: ConsentStage.Pending or ConsentStage.AwaitingHaloSignIn } record && time.GetUtcNow() < record.ExpiresAt
            ? record
            : null;

    /// <summary>The stored consent.</summary>
    [GenerateSerializer, Alias("halo.OAuth.ConsentGrain.State")]
    public sealed class State
    {
        /// <summary>The consent, once started.</summary>
        [Id(0)]
        public ConsentRecord? Record { get; set; }
    }
}
