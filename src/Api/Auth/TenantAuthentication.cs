using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Auth;

/// <summary>The outcome of matching one request's credentials: a tenant, or why not.</summary>
/// <param name="Tenant">The tenant, on success.</param>
/// <param name="Failure">Why not, otherwise.</param>
/// <param name="Message">What the caller is told (never a key or a secret).</param>
internal readonly record struct TenantAuthentication(TenantSettings? Tenant, TenantAuthenticationFailure Failure, string? Message)
{
    public static TenantAuthentication Success(TenantSettings tenant) => new(tenant, TenantAuthenticationFailure.None, null);

    public static TenantAuthentication Fail(TenantAuthenticationFailure failure, string message) => new(null, failure, message);
}
