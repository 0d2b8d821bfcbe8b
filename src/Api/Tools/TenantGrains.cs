using HaloMcp.Api.Tenancy;
using HaloMcp.Grains;
using Orleans;

namespace HaloMcp.Api.Tools;

/// <summary>
/// The one place where a tool turns the caller's tenant (and an entity id) into a grain. Scoped to the request, so a
/// tool can only ever reach its caller's tenant.
/// </summary>
public sealed class TenantGrains(TenantContext tenant, IGrainFactory grains)
{
    /// <summary>The tenant the caller authenticated as.</summary>
    public string TenantId => tenant.TenantId;

    /// <summary>The tenant grain: reference data, agents, the request budget.</summary>
    public ITenantGrain Tenant => grains.GetGrain<ITenantGrain>(TenantId);

    /// <summary>Ticket and action lists, projects, reports and search.</summary>
    public IServiceDeskGrain ServiceDesk => grains.GetGrain<IServiceDeskGrain>(TenantId);

    /// <summary>Clients, sites, end users and assets.</summary>
    public ICustomerDirectoryGrain Customers => grains.GetGrain<ICustomerDirectoryGrain>(TenantId);

    /// <summary>Contracts, invoices, recurring invoices and revenue.</summary>
    public IBillingGrain Billing => grains.GetGrain<IBillingGrain>(TenantId);

    /// <summary>One of the caller's tickets.</summary>
    public ITicketGrain Ticket(int ticketId) => grains.GetGrain<ITicketGrain>(ticketId, TenantId);

    /// <summary>One of the caller's clients.</summary>
    public IClientGrain Client(int clientId) => grains.GetGrain<IClientGrain>(clientId, TenantId);
}
