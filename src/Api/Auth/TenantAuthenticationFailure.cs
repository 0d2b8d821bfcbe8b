namespace HaloMcp.Api.Auth;

/// <summary>Why a request was not given a tenant.</summary>
internal enum TenantAuthenticationFailure
{
    None,

    /// <summary>No bearer key, or one that matches no tenant (401).</summary>
    Unauthenticated,

    /// <summary>A valid gateway key but missing or malformed <c>X-Halo-*</c> headers (400).</summary>
    InvalidGatewayHeaders,
}
