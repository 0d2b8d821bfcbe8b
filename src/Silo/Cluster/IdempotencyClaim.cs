namespace HaloMcp.Silo.Cluster;

/// <summary>What an <see cref="IIdempotencyStore"/> says about an operation key.</summary>
public enum IdempotencyState
{
    /// <summary>The caller now owns the operation and must complete or release it.</summary>
    Claimed,

    /// <summary>Another caller owns it and has not finished.</summary>
    InProgress,

    /// <summary>It finished; <see cref="IdempotencyClaim.Result"/> holds what it returned.</summary>
    Completed,

    /// <summary>It was sent upstream and we cannot tell whether HaloPSA applied it.</summary>
    OutcomeUnknown,
}

/// <summary>The answer to <see cref="IIdempotencyStore.TryClaimAsync"/>.</summary>
/// <param name="State">Whether the caller owns the operation or someone else did it first.</param>
/// <param name="Result">The serialised result when <see cref="State"/> is <see cref="IdempotencyState.Completed"/>.</param>
public readonly record struct IdempotencyClaim(IdempotencyState State, string? Result);
