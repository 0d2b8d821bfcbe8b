namespace HaloMcp.Api.Auth;

/// <summary>Why a request was not given a tenant.</summary>
internal enum TenantAuthenticationFailure
{
    None,

    /// <summary>No bearer key at all (401, not counted as a failed attempt).</summary>
    MissingKey,

    /// <summary>A key that matches no tenant (401, counted against the caller's address).</summary>
    UnknownKey,

    /// <summary>An OAuth access token that is invalid, expired, revoked or for another resource (401 <c>invalid_token</c>).</summary>
    InvalidToken,

    /// <summary>A valid gateway key but missing or malformed <c>X-Halo-*</c> headers (400).</summary>
    InvalidGatewayHeaders,

    /// <summary>Too many failed attempts from the caller's address lately (429).</summary>
    Throttled,
}
