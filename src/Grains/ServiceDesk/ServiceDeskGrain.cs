using HaloMcp.Grains.Answers;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Projects;
using HaloMcp.Grains.Search;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using HaloMcp.Grains.Upstream;
using Microsoft.Extensions.Options;
using WireActionQuery = HaloMcp.Grains.HaloPsa.Queries.ActionQuery;
using WireAssetQuery = HaloMcp.Grains.HaloPsa.Queries.AssetQuery;
using WireClientQuery = HaloMcp.Grains.HaloPsa.Queries.ClientQuery;
using WireProjectQuery = HaloMcp.Grains.HaloPsa.Queries.ProjectQuery;
using WireReportQuery = HaloMcp.Grains.HaloPsa.Queries.ReportQuery;
using WireSiteQuery = HaloMcp.Grains.HaloPsa.Queries.SiteQuery;
using WireTicketQuery = HaloMcp.Grains.HaloPsa.Queries.TicketQuery;
using WireUserQuery = HaloMcp.Grains.HaloPsa.Queries.UserQuery;

namespace HaloMcp.Grains.ServiceDesk;

/// <summary>A tenant's service-desk reads; ticket rows it lists become their grains' cached copies. Ticket lists and
/// searches are cached per exact query within the tenant's freshness bound and dropped by any change to a record of the
/// kind they show (<see cref="IServiceDeskAnswers"/>). Its calls interleave freely on one
/// activation per tenant (not a stateless worker: Orleans 10.4.2 does not pass a caller's cancellation into a
/// stateless worker, and a caller that gives up must leave the budget's queue).</summary>
[Reentrant]
public sealed class ServiceDeskGrain(
    TenantHaloClients clients,
    ITenantDirectory directory,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : Grain, IServiceDeskGrain, IServiceDeskAnswers
{
    /// <summary>How many of a client's or agent's tickets <see cref="ListActionsAsync"/> reads when no ticket is given.</summary>
    public const int ActionScanTickets = 15;

    private RefusedScans? _refusals;
    private AnswerCache? _answers;

    private string TenantId => this.GetPrimaryKeyString();

    private RefusedScans Refusals => _refusals ??= new RefusedScans(time);

    private AnswerCache Answers => _answers ??= new AnswerCache(
        () => options.Value.EntityMaxAge(directory.Find(TenantId)?.ReceivesWebhooks == true),
        time,
        () => directory.Find(TenantId) is { } settings ? TenantHaloClients.ConnectionOf(settings) : null);

    /// <inheritdoc />
    public async Task<PagedResult<TicketRow>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        var read = await Answers.ReadAsync(
            AnswerKey.Of(
                "tickets", query.ClientId, query.SiteId, query.AgentId, query.TeamId, query.StatusId, query.PriorityId, query.TicketTypeId,
                query.OpenOnly, query.Search, query.DateFrom, query.DateTo, query.Page, query.PageSize),
            AnswerKinds.Tickets | AnswerKinds.Clients,
            async ct =>
            {
                var asked = time.GetUtcNow();
                var page = await clients.CallAsync(TenantId, c => c.ListTicketsAsync(ToWire(query), ct));
                await SeedAsync(page.Items, asked);

                // The query names the client; its id and name on every row would say it again up to 100 times.
                return query.ClientId is null ? Pages.Map(page, TicketMapper.ToRow) : Pages.Map(page, t => TicketMapper.ToRow(t) with { ClientId = null, ClientName = null });
            },
            cancellationToken,
            query);
        return read.Value with { FromCache = read.FromCache, AgeSeconds = read.AgeSeconds };
    }

    /// <inheritdoc />
    public Task<int> DropAsync(AnswerKinds kinds) => Task.FromResult(_answers?.Drop(kinds) ?? 0);

    /// <inheritdoc />
    public Task<int> TicketChangedAsync(int ticketId, TicketDetail? now, bool deleted) => Task.FromResult(
        _answers?.Revise<TicketQuery, PagedResult<TicketRow>>(AnswerKinds.Tickets, ActingAgent.CacheIdentity, (query, page) => TicketListRevision.Revise(query, page, ticketId, now, deleted)) ?? 0);

    /// <inheritdoc />
    public async Task<ActionPage> ListActionsAsync(ActionQuery query, CancellationToken cancellationToken)
    {
        if (query.TicketId is { } ticketId)
        {
            if (query.AgentId is null && !query.BillableOnly && query.ClientId is null && query.DateFrom is null && query.DateTo is null)
            {
                // The ticket's grain keeps its actions (get_ticket reads them too), fresh within the tenant's bound.
                return await GrainFactory.GetGrain<ITicketGrain>(ticketId, TenantId).ListActionsAsync(query.Page, query.PageSize, cancellationToken);
            }

            var wire = new WireActionQuery { TicketId = ticketId, DateFrom = query.DateFrom, DateTo = InclusiveEnd(query.DateTo), Page = query.Page, PageSize = query.PageSize };
            if (query.AgentId is null && !query.BillableOnly && query.ClientId is null)
            {
                return Fresh(Pages.Map(await clients.CallAsync(TenantId, c => c.ListActionsAsync(wire, cancellationToken)), TicketMapper.ToRow));
            }

            var scan = wire with { Page = 0, PageSize = HaloApiClient.MaxPageSize };
            return Fresh(await Pages.FilterAsync(
                (n, ct) => clients.CallAsync(TenantId, c => c.ListActionsAsync(scan with { Page = n }, ct)),
                a => Keep(a, query), TicketMapper.ToRow, query.Page, query.PageSize, "give a date range.", Refusals, scan, cancellationToken));
        }

        // HaloPSA lists actions per ticket only, so a client's or agent's work is gathered from their most recently
        // active tickets.
        var tickets = await clients.CallAsync(
            TenantId,
            c => c.ListTicketsAsync(new WireTicketQuery { ClientId = query.ClientId, AgentId = query.AgentId, Page = 1, PageSize = ActionScanTickets, OrderBy = "lastactiondate", OrderDescending = true }, cancellationToken));
        var all = new List<ActionRow>();
        foreach (var ticket in tickets.Items)
        {
            var actions = await clients.CallAsync(
                TenantId,
                c => c.ListActionsAsync(new WireActionQuery { TicketId = ticket.Id, DateFrom = query.DateFrom, DateTo = query.DateTo, Page = 1, PageSize = HaloApiClient.MaxPageSize }, cancellationToken));
            all.AddRange(actions.Items.Where(a => Keep(a, query)).Select(TicketMapper.ToRow));
        }

        var ordered = all.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).ToList();
        var rows = ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new ActionPage(rows, query.Page, query.PageSize, ordered.Count, query.Page * query.PageSize < ordered.Count, false, 0);
    }

    /// <inheritdoc />
    public async Task<PagedResult<ProjectRow>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken)
    {
        var page = await clients.CallAsync(
            TenantId,
            c => c.ListProjectsAsync(new WireProjectQuery { ClientId = query.ClientId, OpenOnly = query.OpenOnly, Search = query.Search, Page = query.Page, PageSize = query.PageSize }, cancellationToken));
        return Pages.Map(page, ProjectMapper.ToRow);
    }

    /// <inheritdoc />
    public async Task<ProjectDetail> GetProjectAsync(int projectId, CancellationToken cancellationToken)
    {
        var project = await clients.CallAsync(TenantId, c => c.GetProjectAsync(projectId, cancellationToken));
        return ProjectMapper.ToDetail(project);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReportRow>> ListReportsAsync(string? search, CancellationToken cancellationToken)
    {
        var page = await clients.CallAsync(
            TenantId, c => c.ListReportsAsync(new WireReportQuery { Search = search, Page = 1, PageSize = HaloApiClient.MaxPageSize }, cancellationToken));
        return [.. page.Items.Select(ProjectMapper.ToRow)];
    }

    /// <inheritdoc />
    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (query.Entity == SearchEntity.Agents)
        {
            // Agents are the tenant grain's reference data, cached there.
            return await SearchUncachedAsync(query, cancellationToken);
        }

        var read = await Answers.ReadAsync(AnswerKey.Of("search", query.Entity, query.Query, query.Limit), KindsOf(query.Entity), ct => SearchUncachedAsync(query, ct), cancellationToken);
        return read.Value with { FromCache = read.FromCache, AgeSeconds = read.AgeSeconds };
    }

    // What a search's hits show: their own kind, and the client names most of them carry.
    private static AnswerKinds KindsOf(SearchEntity entity) => entity switch
    {
        SearchEntity.Tickets => AnswerKinds.Tickets | AnswerKinds.Clients,
        SearchEntity.Clients => AnswerKinds.Clients,
        SearchEntity.Assets => AnswerKinds.Assets | AnswerKinds.Clients,
        SearchEntity.Sites => AnswerKinds.Sites | AnswerKinds.Clients,
        SearchEntity.Users => AnswerKinds.Users | AnswerKinds.Clients,
        _ => AnswerKinds.All,
    };

    private async Task<SearchResult> SearchUncachedAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var text = query.Query;
        var limit = query.Limit;
        (IReadOnlyList<SearchHit> Hits, int Total) found = query.Entity switch
        {
            SearchEntity.Tickets => Hits(await SearchTicketsAsync(text, limit, cancellationToken),
                t => new SearchHit(t.Id, t.Summary ?? $"#{t.Id}", TextOf(t.ClientName, t.StatusName))),
            SearchEntity.Clients => Hits(await clients.CallAsync(TenantId, c => c.ListClientsAsync(new WireClientQuery { Search = text, Page = 1, PageSize = limit }, cancellationToken)),
                x => new SearchHit(x.Id, x.Name ?? $"#{x.Id}", x.Inactive ? "inactive" : PlainText.OrNull(x.TopLevelName))),
            SearchEntity.Assets => Hits(await clients.CallAsync(TenantId, c => c.ListAssetsAsync(new WireAssetQuery { Search = text, Page = 1, PageSize = limit }, cancellationToken)),
                a => new SearchHit(a.Id, a.InventoryNumber ?? a.KeyField ?? $"#{a.Id}", TextOf(a.AssetTypeName, a.ClientName))),
            SearchEntity.Sites => Hits(await clients.CallAsync(TenantId, c => c.ListSitesAsync(new WireSiteQuery { Search = text, Page = 1, PageSize = limit }, cancellationToken)),
                s => new SearchHit(s.Id, s.Name ?? $"#{s.Id}", PlainText.OrNull(s.ClientName))),
            SearchEntity.Users => Hits(await clients.CallAsync(TenantId, c => c.ListUsersAsync(new WireUserQuery { Search = text, Page = 1, PageSize = limit }, cancellationToken)),
                u => new SearchHit(u.Id, u.Name ?? $"#{u.Id}", TextOf(u.EmailAddress, u.ClientName))),
            SearchEntity.Agents => await SearchAgentsAsync(text, limit, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Entity, "Unknown search entity."),
        };
        return new SearchResult(query.Entity, text, found.Hits, found.Total);
    }

    /// <summary>
    /// Hands the rows that carry a whole ticket to their grains as cached copies, so the read of a ticket just listed
    /// costs no request. Each grain keeps the newer of its copy and the row.
    /// </summary>
    private Task SeedAsync(IReadOnlyList<HaloTicket> rows, DateTimeOffset asked) =>
        Task.WhenAll(rows.Select(row => TicketMapper.ToCopyFromRow(row) is { } copy
            ? GrainFactory.GetGrain<ITicketCache>(row.Id, TenantId).ApplyAsync(new TicketChange(copy, asked))
            : Task.CompletedTask));

    private async Task<HaloPage<HaloTicket>> SearchTicketsAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow();
        var page = await clients.CallAsync(TenantId, c => c.ListTicketsAsync(new WireTicketQuery { Search = text, Page = 1, PageSize = limit }, cancellationToken));
        await SeedAsync(page.Items, asked);
        return page;
    }

    private static ActionPage Fresh(PagedResult<ActionRow> page) => new(page.Items, page.Page, page.PageSize, page.Total, page.HasMore, false, 0);

    /// <summary>The HaloPSA ticket query a tool's ticket query means.</summary>
    public static WireTicketQuery ToWire(TicketQuery query) => new()
    {
        ClientId = query.ClientId, SiteId = query.SiteId, AgentId = query.AgentId, TeamId = query.TeamId, StatusId = query.StatusId,
        PriorityId = query.PriorityId, TicketTypeId = query.TicketTypeId, OpenOnly = query.OpenOnly, Search = query.Search,
        DateFrom = query.DateFrom, DateTo = InclusiveEnd(query.DateTo), Page = query.Page, PageSize = query.PageSize,

        // Newest first, as a person reads a queue; ids grow with time in HaloPSA.
        OrderBy = "id", OrderDescending = true,
    };

    /// <summary>
    /// Our ranges end before <paramref name="exclusiveEnd"/>; HaloPSA's <c>enddate</c> includes the instant it names, to
    /// the millisecond, so it is sent one millisecond earlier.
    /// </summary>
    private static DateTimeOffset? InclusiveEnd(DateTimeOffset? exclusiveEnd) => exclusiveEnd?.AddMilliseconds(-1);

    private async Task<(IReadOnlyList<SearchHit>, int)> SearchAgentsAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var agents = (await GrainFactory.GetGrain<ITenantGrain>(TenantId)
            .GetAgentsAsync(new Reference.AgentQuery(null, IncludeInactive: true, text), cancellationToken)).Items;
        return ([.. agents.Take(limit).Select(a => new SearchHit(a.Id, a.Name, TextOf(a.Email, a.Team)))], agents.Count);
    }

    private static bool Keep(HaloPsa.Model.HaloTicketAction action, ActionQuery query) =>
        (query.AgentId is null || action.WhoAgentId == query.AgentId)
        && (!query.BillableOnly || action.IsBillable)
        && (query.DateFrom is null || action.DateTime >= query.DateFrom)
        && (query.DateTo is null || action.DateTime < query.DateTo);

    private static (IReadOnlyList<SearchHit>, int) Hits<T>(HaloPage<T> page, Func<T, SearchHit> hit) => ([.. page.Items.Select(hit)], page.Total);

    private static string? TextOf(params string?[] parts)
    {
        var text = string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
        return text.Length == 0 ? null : text;
    }
}
