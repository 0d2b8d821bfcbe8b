using HaloMcp.Api.Tenancy;
using HaloMcp.Grains;
using Orleans;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools;

/// <summary>What a tool works with during one call: the caller's tenant, the grains, and the call's progress channel.</summary>
/// <param name="TenantId">The tenant the caller authenticated as; every grain key carries it.</param>
/// <param name="Grains">The grain factory.</param>
/// <param name="Request">The MCP request, for progress notifications.</param>
/// <param name="Time">The clock, for defaults such as "the last 12 months".</param>
public sealed record ToolContext(string TenantId, IGrainFactory Grains, RequestContext<CallToolRequestParams> Request, TimeProvider Time)
{
    /// <summary>The tenant grain of the caller's tenant.</summary>
    public ITenantGrain Tenant => Grains.GetGrain<ITenantGrain>(TenantId);

    /// <summary>The caller's service-desk reads.</summary>
    public IServiceDeskGrain ServiceDesk => Grains.GetGrain<IServiceDeskGrain>(TenantId);

    /// <summary>The caller's customer directory.</summary>
    public ICustomerDirectoryGrain Customers => Grains.GetGrain<ICustomerDirectoryGrain>(TenantId);

    /// <summary>The caller's billing reads.</summary>
    public IBillingGrain Billing => Grains.GetGrain<IBillingGrain>(TenantId);

    /// <summary>One of the caller's tickets (keyed by the ticket id, with the tenant as key extension).</summary>
    public ITicketGrain Ticket(int ticketId) => Grains.GetGrain<ITicketGrain>(ticketId, TenantId);

    /// <summary>One of the caller's clients (keyed by the client id, with the tenant as key extension).</summary>
    public IClientGrain Client(int clientId) => Grains.GetGrain<IClientGrain>(clientId, TenantId);

    /// <summary>Builds the context of a call from its request services.</summary>
    /// <exception cref="InvalidOperationException">The request has no resolved tenant (a host wiring bug).</exception>
    public static ToolContext From(RequestContext<CallToolRequestParams> request)
    {
        var services = request.Services ?? throw new InvalidOperationException("The MCP request carries no services.");
        var tenant = services.GetRequiredService<TenantContext>();
        return new ToolContext(tenant.TenantId, services.GetRequiredService<IGrainFactory>(), request,
            services.GetService<TimeProvider>() ?? TimeProvider.System);
    }
}
