using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Grains;

/// <summary>
/// A tenant's customers (key: tenant id): clients, sites, end users and assets. Reads interleave; creating a client
/// is idempotent within the window.
/// </summary>
[Alias("halo.ICustomerDirectoryGrain")]
[Repeatable]
public interface ICustomerDirectoryGrain : IGrainWithStringKey
{
    /// <summary>One page of clients.</summary>
    [Alias("ListClients")]
    Task<PagedResult<ClientRow>> ListClientsAsync(ClientQuery query, CancellationToken cancellationToken);

    /// <summary>Creates a client.</summary>
    [Alias("CreateClient")]
    Task<ClientDetail> CreateClientAsync(CreateClientCommand command, CancellationToken cancellationToken);

    /// <summary>One page of sites.</summary>
    [Alias("ListSites")]
    Task<PagedResult<SiteRow>> ListSitesAsync(SiteQuery query, CancellationToken cancellationToken);

    /// <summary>One site.</summary>
    [Alias("GetSite")]
    Task<SiteDetail> GetSiteAsync(int siteId, CancellationToken cancellationToken);

    /// <summary>One page of end users (contacts).</summary>
    [Alias("ListUsers")]
    Task<PagedResult<UserRow>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken);

    /// <summary>One end user.</summary>
    [Alias("GetUser")]
    Task<UserDetail> GetUserAsync(int userId, CancellationToken cancellationToken);

    /// <summary>One page of assets.</summary>
    [Alias("ListAssets")]
    Task<PagedResult<AssetRow>> ListAssetsAsync(AssetQuery query, CancellationToken cancellationToken);

    /// <summary>One asset with its associations; the tickets that concern it only when <paramref name="includeTickets"/> is set.</summary>
    [Alias("GetAsset")]
    Task<AssetDetail> GetAssetAsync(int assetId, bool includeTickets, CancellationToken cancellationToken);
}
