using HaloMcp.Grains.Answers;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using Microsoft.Extensions.Options;
using WireAssetQuery = HaloMcp.Grains.HaloPsa.Queries.AssetQuery;
using WireClientQuery = HaloMcp.Grains.HaloPsa.Queries.ClientQuery;
using WireSiteQuery = HaloMcp.Grains.HaloPsa.Queries.SiteQuery;
using WireTicketQuery = HaloMcp.Grains.HaloPsa.Queries.TicketQuery;
using WireUserQuery = HaloMcp.Grains.HaloPsa.Queries.UserQuery;

namespace HaloMcp.Grains.Customers;

/// <summary>
/// A tenant's customers: clients, sites, end users and assets. Lists, searches and asset and user records are cached per
/// exact query within the tenant's freshness bound and dropped by any change to a record of a kind they show
/// (<see cref="ICustomerAnswers"/>). Its calls interleave freely on one
/// activation per tenant (not a stateless worker: Orleans 10.4.2 does not pass a caller's cancellation into a
/// stateless worker, and a caller that gives up must leave the budget's queue); creating a client is idempotent
/// within the window.
/// </summary>
[Reentrant]
public sealed class CustomerDirectoryGrain(
    TenantHaloClients clients,
    ITenantDirectory directory,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : Grain, ICustomerDirectoryGrain, ICustomerAnswers
{
    private AnswerCache? _answers;

    private string TenantId => this.GetPrimaryKeyString();

    private AnswerCache Answers => _answers ??= new AnswerCache(
        () => options.Value.EntityMaxAge(directory.Find(TenantId)?.ReceivesWebhooks == true),
        time,
        () => directory.Find(TenantId) is { } settings ? TenantHaloClients.ConnectionOf(settings) : null);

    // Rows of a list filtered by client leave its id and name out (the query names it; every row would repeat it).

    /// <inheritdoc />
    public Task<PagedResult<ClientRow>> ListClientsAsync(ClientQuery query, CancellationToken cancellationToken) =>
        PageAsync(
            AnswerKey.Of("clients", query.Search, query.IncludeInactive, query.Page, query.PageSize),
            AnswerKinds.Clients,
            async ct => Pages.Map(
                await clients.CallAsync(TenantId, c => c.ListClientsAsync(
                    new WireClientQuery { Search = query.Search, IncludeInactive = query.IncludeInactive, Page = query.Page, PageSize = query.PageSize },
                    ct)),
                CustomerMapper.ToRow),
            cancellationToken);

    /// <inheritdoc />
    public async Task<ClientDetail> CreateClientAsync(CreateClientCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await GrainFactory.GetGrain<IIdempotentWriteGrain>(IdempotencyKey.Of(TenantId, "client create", null, command, GrainsJsonContext.Default.CreateClientCommand))
                .CreateClientAsync(command, cancellationToken);
        }
        finally
        {
            // Whatever HaloPSA did, a list of clients may be missing the new one now.
            Answers.Drop(AnswerKinds.Clients);
        }
    }

    /// <inheritdoc />
    public Task<PagedResult<SiteRow>> ListSitesAsync(SiteQuery query, CancellationToken cancellationToken) =>
        PageAsync(
            AnswerKey.Of("sites", query.ClientId, query.Search, query.Page, query.PageSize),
            AnswerKinds.Sites | AnswerKinds.Clients,
            async ct => Pages.Map(
                await clients.CallAsync(TenantId, c => c.ListSitesAsync(
                    new WireSiteQuery { ClientId = query.ClientId, Search = query.Search, Page = query.Page, PageSize = query.PageSize }, ct)),
                CustomerMapper.ToRow),
            cancellationToken);

    /// <inheritdoc />
    public async Task<SiteDetail> GetSiteAsync(int siteId, CancellationToken cancellationToken) =>
        CustomerMapper.ToDetail(await clients.CallAsync(TenantId, c => c.GetSiteAsync(siteId, cancellationToken)));

    /// <inheritdoc />
    public Task<PagedResult<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken) =>
        PageAsync(
            AnswerKey.Of("users", query.ClientId, query.SiteId, query.Search, query.Page, query.PageSize),
            AnswerKinds.Users | AnswerKinds.Sites | AnswerKinds.Clients,
            async ct => Pages.Map(
                await clients.CallAsync(TenantId, c => c.ListUsersAsync(
                    new WireUserQuery { ClientId = query.ClientId, SiteId = query.SiteId, Search = query.Search, Page = query.Page, PageSize = query.PageSize },
                    ct)),
                u => query.ClientId is null ? CustomerMapper.ToRow(u) : CustomerMapper.ToRow(u) with { ClientId = null, ClientName = null }),
            cancellationToken);

    /// <inheritdoc />
    public async Task<UserDetail> GetUserAsync(int userId, CancellationToken cancellationToken)
    {
        var read = await Answers.ReadAsync(
            AnswerKey.Of("user", userId),
            AnswerKinds.Users | AnswerKinds.Sites | AnswerKinds.Clients,
            async ct => CustomerMapper.ToDetail(await clients.CallAsync(TenantId, c => c.GetUserAsync(userId, ct))),
            cancellationToken);
        return read.Value with { FromCache = read.FromCache, AgeSeconds = read.AgeSeconds };
    }

    /// <inheritdoc />
    public Task<PagedResult<AssetRow>> ListAssetsAsync(AssetQuery query, CancellationToken cancellationToken) =>
        PageAsync(
            AnswerKey.Of("assets", query.ClientId, query.SiteId, query.AssetTypeId, query.Search, query.Page, query.PageSize),
            AnswerKinds.Assets | AnswerKinds.Sites | AnswerKinds.Clients,
            async ct => Pages.Map(
                await clients.CallAsync(TenantId, c => c.ListAssetsAsync(
                    new WireAssetQuery { ClientId = query.ClientId, SiteId = query.SiteId, AssetTypeId = query.AssetTypeId, Search = query.Search, Page = query.Page, PageSize = query.PageSize },
                    ct)),
                a => query.ClientId is null ? AssetMapper.ToRow(a) : AssetMapper.ToRow(a) with { ClientId = null, ClientName = null }),
            cancellationToken);

    /// <inheritdoc />
    public async Task<AssetDetail> GetAssetAsync(int assetId, bool includeTickets, CancellationToken cancellationToken)
    {
        // With its tickets the answer shows tickets too, so a ticket's change drops it.
        var kinds = AnswerKinds.Assets | AnswerKinds.Sites | AnswerKinds.Clients | AnswerKinds.Users | (includeTickets ? AnswerKinds.Tickets : AnswerKinds.None);
        var read = await Answers.ReadAsync(AnswerKey.Of("asset", assetId, includeTickets), kinds, ct => ReadAssetAsync(assetId, includeTickets, ct), cancellationToken);
        return read.Value with { FromCache = read.FromCache, AgeSeconds = read.AgeSeconds };
    }

    /// <inheritdoc />
    public Task<int> DropAsync(AnswerKinds kinds) => Task.FromResult(_answers?.Drop(kinds) ?? 0);

    private async Task<AssetDetail> ReadAssetAsync(int assetId, bool includeTickets, CancellationToken cancellationToken)
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

    private async Task<PagedResult<T>> PageAsync<T>(string key, AnswerKinds kinds, Func<CancellationToken, Task<PagedResult<T>>> load, CancellationToken cancellationToken)
    {
        var read = await Answers.ReadAsync(key, kinds, load, cancellationToken);
        return read.Value with { FromCache = read.FromCache, AgeSeconds = read.AgeSeconds };
    }

    /// <summary>How many linked tickets <see cref="GetAssetAsync"/> shows, newest first.</summary>
    public const int LinkedTicketCap = 10;
}
