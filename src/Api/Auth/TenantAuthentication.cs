using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Api.Auth;

/// <summary>The outcome of authenticating one HTTP request: a tenant, or why not.</summary>
internal readonly record struct TenantAuthentication(TenantSettings? Tenant, TenantAuthenticationFailure Failure, string? Message)
{
    public static TenantAuthentication Success(TenantSettings tenant) => new(tenant, TenantAuthenticationFailure.None, null);

    public static TenantAuthentication Fail(TenantAuthenticationFailure failure, string message) => new(null, failure, message);
}
