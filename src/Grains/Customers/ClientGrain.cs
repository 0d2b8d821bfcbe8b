using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.Errors;
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
    TimeProvider time) : Grain, IClientGrain
{
    private string _tenantId = string.Empty;
    private int _clientId;
    private EntityActivations.Slot? _slot;
    private CachedValue<HaloClient>? _client;
    private CachedValue<IReadOnlyList<SiteRow>>? _sites;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _clientId = checked((int)this.GetPrimaryKeyLong(out var tenantId));
        _tenantId = tenantId ?? throw new InvalidOperationException("A client grain's key carries its tenant id as key extension.");
        var ttl = options.Value.EntityTtl;
        _client = new CachedValue<HaloClient>(ct => clients.CallAsync(_tenantId, c => c.GetClientAsync(_clientId, ct)), ttl, time);
        _sites = new CachedValue<IReadOnlyList<SiteRow>>(
            async ct =>
            {
                var page = await clients.CallAsync(_tenantId, c => c.ListSitesAsync(new WireSiteQuery { ClientId = _clientId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, ct));
                return [.. page.Items.Select(CustomerMapper.ToRow)];
            },
            ttl,
            time);
        _slot = activations.Add(_tenantId, GrainContext);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _slot?.Remove();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken)
    {
        _slot!.Touch();
        try
        {
            var client = _client!.GetAsync(cancellationToken);
            var sites = includeSites ? _sites!.GetAsync(cancellationToken) : null;
            return CustomerMapper.ToDetail(await client, sites is null ? null : await sites);
        }
        catch (HaloOperationException ex) when (ex.Kind == HaloFailureKind.NotFound)
        {
            DeactivateOnIdle();
            throw;
        }
    }

    /// <inheritdoc />
    public Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken)
    {
        _slot!.Touch();
        return Write("ticket create", command, GrainsJsonContext.Default.CreateTicketCommand)
            .CreateTicketAsync(_clientId, command, cancellationToken);
    }

    /// <inheritdoc />
    public Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken)
    {
        _slot!.Touch();
        return Write("asset create", command, GrainsJsonContext.Default.CreateAssetCommand)
            .CreateAssetAsync(_clientId, command, cancellationToken);
    }

    private IIdempotentWriteGrain Write<TCommand>(string operation, TCommand command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TCommand> type) =>
        GrainFactory.GetGrain<IIdempotentWriteGrain>(IdempotencyKey.Of(_tenantId, operation, _clientId, command, type));
}
