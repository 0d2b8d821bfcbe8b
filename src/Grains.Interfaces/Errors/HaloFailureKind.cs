namespace HaloMcp.Grains.Errors;

/// <summary>What went wrong with an operation on a tenant's HaloPSA, in terms a caller can act on.</summary>
[GenerateSerializer, Alias("halo.Errors.HaloFailureKind")]
public enum HaloFailureKind
{
    /// <summary>HaloPSA refused the client id and secret, or kept refusing the token.</summary>
    Authentication,

    /// <summary>The API application lacks a permission (scope) the operation needs.</summary>
    Permission,

    /// <summary>The entity does not exist (for this tenant).</summary>
    NotFound,

    /// <summary>HaloPSA rejected the request's content; its message says why.</summary>
    Validation,

    /// <summary>The tenant's request budget is spent, or HaloPSA answered 429; retry after the given time.</summary>
    RateLimited,

    /// <summary>HaloPSA failed or did not answer; a read can be retried.</summary>
    Unavailable,

    /// <summary>A write was sent and may or may not have been applied; it was not repeated.</summary>
    WriteOutcomeUnknown,

    /// <summary>The tenant is not configured (or was removed).</summary>
    UnknownTenant,
}
