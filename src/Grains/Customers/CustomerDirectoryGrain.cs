using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using WireAssetQuery = HaloMcp.Grains.HaloPsa.Queries.AssetQuery;
using WireClientQuery = HaloMcp.Grains.HaloPsa.Queries.ClientQuery;
using WireSiteQuery = HaloMcp.Grains.HaloPsa.Queries.SiteQuery;
using WireTicketQuery = HaloMcp.Grains.HaloPsa.Queries.TicketQuery;
using WireUserQuery = HaloMcp.Grains.HaloPsa.Queries.UserQuery;

namespace HaloMcp.Grains.Customers;

/// <summary>
/// A tenant's customers: clients, sites, end users and assets. It owns no state, so its calls interleave freely on one
/// activation per tenant (not a stateless worker: Orleans 10.4.2 does not pass a caller's cancellation into a
/// stateless worker, and a caller that gives up must leave the budget's queue); creating a client is idempotent
/// within the window.
/// </summary>
[Reentrant]
public sealed class CustomerDirectoryGrain(TenantHaloClients clients) : Grain, ICustomerDirectoryGrain
{
    private string TenantId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<PagedResult<ClientRow>> ListClientsAsync(ClientQuery query, CancellationToken cancellationToken) =>
        Pages.Map(
            await clients.CallAsync(TenantId, c => c.ListClientsAsync(
                new WireClientQuery { Search = query.Search, IncludeInactive = query.IncludeInactive, Page = query.Page, PageSize = query.PageSize },
                cancellationToken)),
            CustomerMapper.ToRow);

    /// <inheritdoc />
    public Task<ClientDetail> CreateClientAsync(CreateClientCommand command, CancellationToken cancellationToken) =>
        GrainFactory.GetGrain<IIdempotentWriteGrain>(IdempotencyKey.Of(TenantId, "client create", null, command, GrainsJsonContext.Default.CreateClientCommand))
            .CreateClientAsync(command, cancellationToken);

    /// <inheritdoc />
    public async Task<PagedResult<SiteRow>> ListSitesAsync(SiteQuery query, CancellationToken cancellationToken) =>
        Pages.Map(
            await clients.CallAsync(TenantId, c => c.ListSitesAsync(
                new WireSiteQuery { ClientId = query.ClientId, Search = query.Search, Page = query.Page, PageSize = query.PageSize }, cancellationToken)),
            CustomerMapper.ToRow);

    /// <inheritdoc />
    public async Task<SiteDetail> GetSiteAsync(int siteId, CancellationToken cancellationToken) =>
        CustomerMapper.ToDetail(await clients.CallAsync(TenantId, c => c.GetSiteAsync(siteId, cancellationToken)));

    /// <inheritdoc />
    public async Task<PagedResult<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken) =>
        Pages.Map(
            await clients.CallAsync(TenantId, c => c.ListUsersAsync(
                new WireUserQuery { ClientId = query.ClientId, SiteId = query.SiteId, Search = query.Search, Page = query.Page, PageSize = query.PageSize },
                cancellationToken)),
            CustomerMapper.ToRow);

    /// <inheritdoc />
    public async Task<UserDetail> GetUserAsync(int userId, CancellationToken cancellationToken) =>
        CustomerMapper.ToDetail(await clients.CallAsync(TenantId, c => c.GetUserAsync(userId, cancellationToken)));

    /// <inheritdoc />
    public async Task<PagedResult<AssetRow>> ListAssetsAsync(AssetQuery query, CancellationToken cancellationToken) =>
        Pages.Map(
            await clients.CallAsync(TenantId, c => c.ListAssetsAsync(
                new WireAssetQuery { ClientId = query.ClientId, SiteId = query.SiteId, AssetTypeId = query.AssetTypeId, Search = query.Search, Page = query.Page, PageSize = query.PageSize },
                cancellationToken)),
            AssetMapper.ToRow);

    /// <inheritdoc />
    public async Task<AssetDetail> GetAssetAsync(int assetId, bool includeTickets, CancellationToken cancellationToken)
    {
        // The asset and the tickets that concern it are independent reads; run them side by side, the second only when asked.
        var asset = clients.CallAsync(TenantId, c => c.GetAssetAsync(assetId, cancellationToken));
        var tickets = includeTickets
            ? clients.CallAsync(
                TenantId,
                c => c.ListTicketsAsync(new WireTicketQuery { AssetId = assetId, OrderBy = "id", OrderDescending = true, Page = 1, PageSize = LinkedTicketCap }, cancellationToken))
            : null;
        var found = await asset;
        var linked = tickets is null ? null : await tickets;
        return AssetMapper.ToDetail(found, linked is null ? null : [.. linked.Items.Select(t => new LinkedTicket(t.Id, t.Summary, PlainText.OrNull(t.StatusName)))]);
    }

    /// <summary>How many linked tickets <see cref="GetAssetAsync"/> shows, newest first.</summary>
    public const int LinkedTicketCap = 10;
}
