using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using Microsoft.Extensions.Options;
using WireSiteQuery = HaloMcp.Grains.HaloPsa.Queries.SiteQuery;

namespace HaloMcp.Grains.Customers;

/// <summary>
/// One client and what hangs off it (key: client id, tenant id as key extension). Creates for the client (tickets,
/// assets) run in this grain's turn and are idempotent within the window; reads of the client and its sites are cached
/// for a short time. A client HaloPSA does not have leaves no activation.
/// </summary>
public sealed class ClientGrain(
    TenantHaloClients clients,
    EntityActivations activations,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : EntityGrain(activations), IClientGrain
{
    private CachedValue<HaloClient>? _client;
    private CachedValue<IReadOnlyList<SiteRow>>? _sites;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var ttl = options.Value.EntityTtl;
        _client = new CachedValue<HaloClient>(ct => clients.CallAsync(TenantId, c => c.GetClientAsync(EntityId, ct)), ttl, time);
        _sites = new CachedValue<IReadOnlyList<SiteRow>>(
            async ct =>
            {
                var page = await clients.CallAsync(TenantId, c => c.ListSitesAsync(new WireSiteQuery { ClientId = EntityId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, ct));
                return [.. page.Items.Select(CustomerMapper.ToRow)];
            },
            ttl,
            time);
    }

    /// <inheritdoc />
    public Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken) => UseAsync(async () =>
    {
        var client = _client!.GetAsync(cancellationToken);
        var sites = includeSites ? _sites!.GetAsync(cancellationToken) : null;
        return CustomerMapper.ToDetail(await client, sites is null ? null : await sites);
    });

    /// <inheritdoc />
    public Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => Write("ticket create", command, GrainsJsonContext.Default.CreateTicketCommand).CreateTicketAsync(EntityId, command, cancellationToken));

    /// <inheritdoc />
    public Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => Write("asset create", command, GrainsJsonContext.Default.CreateAssetCommand).CreateAssetAsync(EntityId, command, cancellationToken));

    private IIdempotentWriteGrain Write<TCommand>(string operation, TCommand command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TCommand> type) =>
        GrainFactory.GetGrain<IIdempotentWriteGrain>(IdempotencyKey.Of(TenantId, operation, EntityId, command, type));
}
