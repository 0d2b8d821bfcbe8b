using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.Grains.HaloPsa.Writes;

namespace HaloMcp.Grains.HaloPsa;

/// <content>Clients, sites, end-users and assets.</content>
public sealed partial class HaloApiClient
{
    /// <summary>Lists clients (<c>GET /Client</c>, envelope <c>clients</c>); the name search uses <c>advanced_search</c>.</summary>
    public Task<HaloPage<HaloClient>> ListClientsAsync(ClientQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Client", HaloQueryParameters.For(query), query.Page, query.PageSize, "clients", "client", HaloJsonContext.Default.HaloClient, cancellationToken);

    /// <summary>Gets one client (<c>GET /Client/{id}</c>).</summary>
    public Task<HaloClient> GetClientAsync(int clientId, CancellationToken cancellationToken) =>
        GetOneAsync("Client", "client", clientId, HaloJsonContext.Default.HaloClient, cancellationToken);

    /// <summary>Creates a client (<c>POST /Client</c>). Never retried once sent.</summary>
    public Task<HaloClient> CreateClientAsync(HaloClientWrite client, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(client.Name);
        return PostOneAsync("Client", "client", client with { Id = null }, null, HaloJsonContext.Default.HaloClientWriteArray, HaloJsonContext.Default.HaloClient, cancellationToken);
    }

    /// <summary>Lists sites (<c>GET /Site</c>, envelope <c>sites</c>).</summary>
    public Task<HaloPage<HaloSite>> ListSitesAsync(SiteQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Site", HaloQueryParameters.For(query), query.Page, query.PageSize, "sites", "site", HaloJsonContext.Default.HaloSite, cancellationToken);

    /// <summary>Gets one site (<c>GET /Site/{id}</c>).</summary>
    public Task<HaloSite> GetSiteAsync(int siteId, CancellationToken cancellationToken) =>
        GetOneAsync("Site", "site", siteId, HaloJsonContext.Default.HaloSite, cancellationToken);

    /// <summary>Lists end-user contacts (<c>GET /Users?onlyusers=true</c>, envelope <c>users</c>).</summary>
    public Task<HaloPage<HaloUser>> ListUsersAsync(UserQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Users", HaloQueryParameters.For(query), query.Page, query.PageSize, "users", "user", HaloJsonContext.Default.HaloUser, cancellationToken);

    /// <summary>Gets one end-user (<c>GET /Users/{id}</c>).</summary>
    public Task<HaloUser> GetUserAsync(int userId, CancellationToken cancellationToken) =>
        GetOneAsync("Users", "user", userId, HaloJsonContext.Default.HaloUser, cancellationToken);

    /// <summary>Lists assets (<c>GET /Asset</c>, envelope <c>assets</c>).</summary>
    public Task<HaloPage<HaloAsset>> ListAssetsAsync(AssetQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Asset", HaloQueryParameters.For(query), query.Page, query.PageSize, "assets", "asset", HaloJsonContext.Default.HaloAsset, cancellationToken);

    /// <summary>Gets one asset (<c>GET /Asset/{id}</c>).</summary>
    public Task<HaloAsset> GetAssetAsync(int assetId, CancellationToken cancellationToken) =>
        GetOneAsync("Asset", "asset", assetId, HaloJsonContext.Default.HaloAsset, cancellationToken);

    /// <summary>Creates an asset (<c>POST /Asset</c>). Never retried once sent.</summary>
    public Task<HaloAsset> CreateAssetAsync(HaloAssetWrite asset, CancellationToken cancellationToken) =>
        PostOneAsync("Asset", "asset", asset with { Id = null }, null, HaloJsonContext.Default.HaloAssetWriteArray, HaloJsonContext.Default.HaloAsset, cancellationToken);
}
