namespace HaloMcp.Api.Tests.Support;

/// <summary>Per-tenant data the test tool hands out; each tenant's value is distinct.</summary>
public sealed class TenantDataStore
{
    public string DataOf(string tenantId) => $"data-of-{tenantId}";
}
