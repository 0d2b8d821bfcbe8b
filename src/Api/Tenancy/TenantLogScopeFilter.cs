using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Api.Tenancy;

/// <summary>Puts the authenticated tenant's id on every log line written while its MCP request is served.</summary>
internal sealed class TenantLogScopeFilter(ILogger<TenantLogScopeFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tenant = context.HttpContext.RequestServices.GetRequiredService<TenantContext>();
        using var scope = tenant.IsResolved ? logger.BeginScope(new TenantLogScope(tenant.TenantId)) : null;
        return await next(context);
    }
}
