using HaloMcp.Grains.Assets;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Options;
using WireSiteQuery = HaloMcp.Grains.HaloPsa.Queries.SiteQuery;

namespace HaloMcp.Grains.Customers;

/// <summary>
/// One client and what hangs off it. Creates for the client (tickets, assets) run inside this grain's turn and are
/// idempotent within the window; reads of the client and its sites are cached for a short time.
/// </summary>
public sealed class ClientGrain(TenantHaloClients clients, IdempotentCreates creates, IEntityLock entityLock, IOptions<ReferenceDataOptions> options)
    : Grain, IClientGrain
{
    private (string TenantId, int ClientId) _key;
    private CachedValue<HaloClient>? _client;
    private CachedValue<IReadOnlyList<SiteRow>>? _sites;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = GrainKeys.ParseEntity(GetPrimaryKeyString());
        var ttl = options.Value.EntityTtl;
        _client = new CachedValue<HaloClient>(ct => clients.CallAsync(_key.TenantId, c => c.GetClientAsync(_key.ClientId, ct), ct), ttl, TimeProvider);
        _sites = new CachedValue<IReadOnlyList<SiteRow>>(
            async ct =>
            {
                var page = await clients.CallAsync(_key.TenantId, c => c.ListSitesAsync(new WireSiteQuery { ClientId = _key.ClientId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, ct), ct);
                return [.. page.Items.Select(CustomerMapper.ToRow)];
            },
            ttl,
            TimeProvider);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken)
    {
        var client = _client!.GetAsync(cancellationToken);
        var sites = includeSites ? _sites!.GetAsync(cancellationToken) : null;
        return CustomerMapper.ToDetail(await client, sites is null ? null : await sites);
    }

    /// <inheritdoc />
    public Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken)
    {
        EnsureSameClient(command.ClientId);
        return creates.RunAsync(
            _key.TenantId,
            "ticket create",
            command,
            GrainsJsonContext.Default.CreateTicketCommand,
            GrainsJsonContext.Default.TicketDetail,
            async ct =>
            {
                await using var held = await entityLock.AcquireAsync(GetPrimaryKeyString(), ct);
                var saved = await clients.CallAsync(
                _key.TenantId,
                    c => c.CreateTicketAsync(
                        new HaloTicketWrite
                        {
                            Summary = command.Summary, Details = command.Details, ClientId = command.ClientId, SiteId = command.SiteId,
                            UserId = command.UserId, TicketTypeId = command.TicketTypeId, PriorityId = command.PriorityId,
                            StatusId = command.StatusId, TeamId = command.TeamId, AgentId = command.AgentId,
                        },
                        ct),
                    ct);
                return TicketMapper.ToDetail(saved, [], null);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken)
    {
        EnsureSameClient(command.ClientId);
        return creates.RunAsync(
            _key.TenantId,
            "asset create",
            command,
            GrainsJsonContext.Default.CreateAssetCommand,
            GrainsJsonContext.Default.AssetDetail,
            async ct =>
            {
                await using var held = await entityLock.AcquireAsync(GetPrimaryKeyString(), ct);
                var saved = await clients.CallAsync(
                _key.TenantId,
                    c => c.CreateAssetAsync(
                        new HaloAssetWrite
                        {
                            ClientId = command.ClientId, AssetTypeId = command.AssetTypeId, SiteId = command.SiteId,
                            InventoryNumber = command.InventoryNumber, KeyField = command.KeyField, KeyField2 = command.KeyField2,
                            KeyField3 = command.KeyField3,
                        },
                        ct),
                    ct);
                return AssetMapper.ToDetail(saved, []);
            },
            cancellationToken);
    }

    private void EnsureSameClient(int clientId)
    {
        if (clientId != _key.ClientId)
        {
            throw new ArgumentException($"Client {clientId} was sent to the grain of client {_key.ClientId}.", nameof(clientId));
        }
    }

}
