using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Answers;
using HaloMcp.Grains.Assets;
using HaloMcp.Grains.HaloPsa;
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
/// assets) run in this grain's turn and are idempotent within the window; a new ticket's answer becomes that ticket's
/// cached copy. The client is cached within the tenant's freshness bound, and its sites only once asked for; webhooks
/// replace or drop both (<see cref="IClientCache"/>). A client HaloPSA does not have leaves no activation.
/// </summary>
public sealed class ClientGrain(
    TenantHaloClients clients,
    EntityActivations activations,
    ITenantDirectory directory,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : EntityGrain(activations), IClientGrain, IClientCache
{
    private CachedValue<ClientCopy>? _client;
    private CachedValue<IReadOnlyList<SiteRow>>? _sites;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _client = new CachedValue<ClientCopy>(
            async ct =>
            {
                var asked = time.GetUtcNow();
                var client = await clients.CallAsync(TenantId, c => c.GetClientAsync(EntityId, ct));
                return new ClientCopy(CustomerMapper.ToDetail(client, null), asked);
            },
            MaxAge,
            time,
            versionOf: c => c.Version);
        _sites = new CachedValue<IReadOnlyList<SiteRow>>(
            async ct =>
            {
                var page = await clients.CallAsync(TenantId, c => c.ListSitesAsync(new WireSiteQuery { ClientId = EntityId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, ct));
                return [.. page.Items.Select(CustomerMapper.ToRow)];
            },
            MaxAge,
            time);
    }

    /// <inheritdoc />
    public Task<ClientDetail> GetAsync(bool includeSites, CancellationToken cancellationToken) => UseAsync(async () =>
    {
        var clientTask = _client!.ReadAsync(cancellationToken);
        var sitesTask = includeSites ? _sites!.ReadAsync(cancellationToken) : (Task<CacheRead<IReadOnlyList<SiteRow>>>?)null;
        var client = await clientTask;
        if (sitesTask is null)
        {
            return client.Value.Detail with { FromCache = client.FromCache, AgeSeconds = client.AgeSeconds };
        }

        var sites = await sitesTask;
        return client.Value.Detail with
        {
            Sites = sites.Value,
            FromCache = client.FromCache || sites.FromCache,
            AgeSeconds = Math.Max(client.AgeSeconds, sites.AgeSeconds),
        };
    });

    /// <inheritdoc />
    public Task<TicketDetail> CreateTicketAsync(CreateTicketCommand command, CancellationToken cancellationToken) => UseAsync(() => AnswerChanges.AfterTicketWriteAsync(GrainFactory, TenantId, null, async () =>
    {
        var created = await Write("ticket create", command, GrainsJsonContext.Default.CreateTicketCommand).CreateTicketAsync(EntityId, command, cancellationToken);

        // HaloPSA answered with the whole new ticket: the read that confirms a create is served from it.
        await GrainFactory.GetGrain<ITicketCache>(created.Ticket!.Detail.Id, TenantId).ApplyAsync(created);
        return created.Ticket.Detail;
    }, created => (created.Id, created)));

    /// <inheritdoc />
    public Task<AssetDetail> CreateAssetAsync(CreateAssetCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => AnswerChanges.AfterWriteAsync(
            GrainFactory, TenantId, AnswerKinds.Assets, () => Write("asset create", command, GrainsJsonContext.Default.CreateAssetCommand).CreateAssetAsync(EntityId, command, cancellationToken)));

    /// <inheritdoc />
    public Task<bool> ApplyAsync(ClientChange change)
    {
        var applied = false;
        if (change.ClientDeleted)
        {
            _client!.Invalidate();
            _sites!.Invalidate();
            DeactivateOnIdle();
            return Task.FromResult(true);
        }

        if (change.Client is { } copy)
        {
            // Replaced when the change is at least as new as the copy held; otherwise the copy held is the newer one.
            applied = _client!.Offer(copy, copy.Version);
        }

        if (change.SitesChanged)
        {
            applied |= _sites!.Peek() is not null;
            _sites!.Invalidate();
        }

        return Task.FromResult(applied);
    }

    private IIdempotentWriteGrain Write<TCommand>(string operation, TCommand command, System.Text.Json.Serialization.Metadata.JsonTypeInfo<TCommand> type) =>
        GrainFactory.GetGrain<IIdempotentWriteGrain>(IdempotencyKey.Of(TenantId, operation, EntityId, command, type));

    private TimeSpan MaxAge() => options.Value.EntityMaxAge(directory.Find(TenantId)?.ReceivesWebhooks == true);

}
