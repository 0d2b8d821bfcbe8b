using HaloMcp.Grains.Activation;
using HaloMcp.Grains.Answers;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Upstream;
using HaloMcp.Grains.Writes;
using Microsoft.Extensions.Options;
using WireActionQuery = HaloMcp.Grains.HaloPsa.Queries.ActionQuery;

namespace HaloMcp.Grains.Tickets;

/// <summary>
/// One ticket (key: ticket id, tenant id as key extension). It caches the ticket and its actions, never handing out a
/// copy older than the tenant's freshness bound; every write runs in this grain's turn, so writes to one ticket reach
/// HaloPSA one at a time in arrival order, and each write's answer updates the copies it changes (no read follows).
/// Copies also arrive without a request: list rows, a create's answer, webhooks (<see cref="ITicketCache"/>); the
/// newer copy by HaloPSA's last-update time wins. A ticket HaloPSA does not have leaves no activation.
/// </summary>
public sealed class TicketGrain(
    TenantHaloClients clients,
    EntityActivations activations,
    ITenantDirectory directory,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : EntityGrain(activations), ITicketGrain, ITicketCache
{
    private CachedValue<TicketCopy>? _ticket;
    private CachedValue<TicketActions>? _actions;

    private ReferenceDataOptions Options => options.Value;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        _ticket = new CachedValue<TicketCopy>(
            async ct => TicketMapper.ToCopy(await clients.CallAsync(TenantId, c => c.GetTicketAsync(EntityId, ct))), MaxAge, time, versionOf: c => c.Version);
        _actions = new CachedValue<TicketActions>(LoadActionsAsync, MaxAge, time);
    }

    /// <inheritdoc />
    public Task<TicketDetail> GetAsync(bool includeActions, CancellationToken cancellationToken) => UseAsync(async () =>
    {
        // The two reads are independent; run them side by side.
        var ticketTask = _ticket!.ReadAsync(cancellationToken);
        var actionsTask = includeActions ? _actions!.ReadAsync(cancellationToken) : (Task<CacheRead<TicketActions>>?)null;
        var ticket = await ticketTask;
        if (actionsTask is null)
        {
            return ticket.Value.Detail with { FromCache = ticket.FromCache, AgeSeconds = ticket.AgeSeconds };
        }

        var actions = await actionsTask;
        return ticket.Value.Detail with
        {
            Actions = TicketMapper.Newest(actions.Value, Options.TicketActionCap, Options.TicketNotesInFull, Options.NotePreviewLength),
            ActionsTotal = actions.Value.Total,
            FromCache = ticket.FromCache || actions.FromCache,
            AgeSeconds = Math.Max(ticket.AgeSeconds, actions.AgeSeconds),
        };
    });

    /// <inheritdoc />
    public Task<ActionPage> ListActionsAsync(int page, int pageSize, CancellationToken cancellationToken) => UseAsync(async () =>
    {
        var read = await _actions!.ReadAsync(cancellationToken);
        var held = read.Value;
        var skip = (page - 1) * pageSize;
        if (held.Complete || skip + pageSize <= held.Newest.Count)
        {
            var rows = held.Newest.Skip(skip).Take(pageSize).ToList();
            return new ActionPage(rows, page, pageSize, held.Total, skip + rows.Count < held.Total, read.FromCache, read.AgeSeconds);
        }

        // Deeper than the newest page the grain keeps: that page, as HaloPSA answers it.
        var upstream = await clients.CallAsync(
            TenantId, c => c.ListActionsAsync(new WireActionQuery { TicketId = EntityId, Page = page, PageSize = pageSize }, cancellationToken));
        return new ActionPage([.. upstream.Items.Select(TicketMapper.ToRow)], upstream.Page, upstream.PageSize, upstream.Total, upstream.HasMore, false, 0);
    });

    /// <inheritdoc />
    public Task<TicketDetail> UpdateAsync(UpdateTicketCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => AnswerChanges.AfterTicketWriteAsync(GrainFactory, TenantId, EntityId, () => UpdateInTurnAsync(command, cancellationToken), _ => (EntityId, Held())));

    /// <inheritdoc />
    public Task<ActionRow> AddActionAsync(AddActionCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => AnswerChanges.AfterTicketWriteAsync(GrainFactory, TenantId, EntityId, () => AddActionInTurnAsync(command, cancellationToken), _ => (EntityId, Held())));

    /// <inheritdoc />
    public Task<bool> ApplyAsync(TicketChange change)
    {
        if (change.TicketDeleted)
        {
            _ticket!.Invalidate();
            _actions!.Invalidate();
            DeactivateOnIdle();
            return Task.FromResult(true);
        }

        var applied = change.Ticket is { } copy && _ticket!.Offer(copy, change.AsOf);
        if (change.Action is { } action)
        {
            // Only a loaded list can take one action exactly; an absent one is loaded whole when it is next read.
            applied |= _actions!.Peek() is not null;
            _actions!.Update(list => list.With(action, HaloApiClient.MaxPageSize));
        }

        if (change.DeletedActionId is { } deleted)
        {
            applied |= _actions!.Peek() is not null;
            _actions!.Update(list => list.Without(deleted));
        }

        return Task.FromResult(applied);
    }

    /// <inheritdoc />
    public Task<TicketDetail?> PeekAsync(CancellationToken cancellationToken) => Task.FromResult(Held());

    // The newest copy held, which a write's answer has just updated (or null, when none is loaded).
    private TicketDetail? Held() => _ticket?.Peek()?.Value.Detail;

    private async Task<TicketDetail> UpdateInTurnAsync(UpdateTicketCommand command, CancellationToken cancellationToken)
    {
        if (!command.HasChanges)
        {
            throw new HaloOperationException(HaloFailureKind.Validation, "The update changes nothing.");
        }

        var write = new HaloTicketWrite
        {
            Summary = command.Summary, Details = command.Details, StatusId = command.StatusId, PriorityId = command.PriorityId,
            TicketTypeId = command.TicketTypeId, TeamId = command.TeamId, AgentId = command.AgentId, SiteId = command.SiteId,
        };
        var sent = time.GetUtcNow();
        HaloTicket saved;
        try
        {
            saved = await clients.CallAsync(TenantId, c => c.UpdateTicketAsync(EntityId, write, cancellationToken));
        }
        catch
        {
            // Whatever HaloPSA did, our copy may be stale now.
            _ticket!.Invalidate();
            throw;
        }

        // HaloPSA answers an update with the whole saved ticket: that is the freshest copy there is, unless a webhook
        // brought a later one while the write was on its way.
        var copy = TicketMapper.ToCopy(saved);
        _ticket!.Offer(copy, sent);
        return copy.Detail;
    }

    private async Task<ActionRow> AddActionInTurnAsync(AddActionCommand command, CancellationToken cancellationToken)
    {
        var outcome = await ResolveOutcomeAsync(command, cancellationToken);
        var note = GrainFactory.GetGrain<IIdempotentWriteGrain>(
            IdempotencyKey.Of(TenantId, "note", EntityId, command, GrainsJsonContext.Default.AddActionCommand));
        ActionRow added;
        try
        {
            added = await note.AddActionAsync(EntityId, command, outcome, cancellationToken);
        }
        catch
        {
            // Whatever HaloPSA did, our copies may be stale now.
            _ticket!.Invalidate();
            _actions!.Invalidate();
            throw;
        }

        // HaloPSA's answer is the action exactly: it joins the cached list (unless it is there: a repeat within the window
        // answers the first action again), and the ticket takes the action's effects on it (time, last action, status).
        var repeat = _actions!.Peek() is { } held && held.Value.Newest.Any(a => a.Id == added.Id);
        _actions.Update(list => list.With(added, HaloApiClient.MaxPageSize));
        if (!repeat)
        {
            _ticket!.Update(copy => TicketMapper.AfterOwnAction(copy, added, command.NewStatusId, time.GetUtcNow()));
        }

        return added;
    }

    private async Task<OutcomeInfo> ResolveOutcomeAsync(AddActionCommand command, CancellationToken cancellationToken)
    {
        var outcomes = (await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetOutcomesAsync(cancellationToken)).Items;
        if (command.OutcomeId is { } id)
        {
            return outcomes.FirstOrDefault(o => o.Id == id)
                ?? throw new HaloOperationException(HaloFailureKind.Validation,
                    $"No outcome {id}. Valid outcomes: {Describe(outcomes)}.");
        }

        if (command.Outcome is { } name)
        {
            return outcomes.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new HaloOperationException(HaloFailureKind.Validation,
                    $"No outcome named '{name}'. Valid outcomes: {Describe(outcomes)}.");
        }

        // HaloPSA refuses an action without an outcome; a private note is what an assistant's note usually is.
        return outcomes.FirstOrDefault(o => o.Name.Contains("private", StringComparison.OrdinalIgnoreCase))
            ?? outcomes.FirstOrDefault(o => o.Name.Contains("note", StringComparison.OrdinalIgnoreCase))
            ?? outcomes.FirstOrDefault()
            ?? throw new HaloOperationException(HaloFailureKind.Validation, "This HaloPSA has no action outcomes configured; give one by id.");
    }

    private static string Describe(IReadOnlyList<OutcomeInfo> outcomes) =>
        string.Join(", ", outcomes.Take(30).Select(o => $"{o.Name} (#{o.Id})"));

    private TimeSpan MaxAge() => Options.EntityMaxAge(directory.Find(TenantId)?.ReceivesWebhooks == true);


    private async Task<TicketActions> LoadActionsAsync(CancellationToken cancellationToken)
    {
        // HaloPSA documents no order for /Actions, so one full page is read and ordered here: every action of a ticket
        // with up to 100, in one request, whatever order the instance answers in.
        var page = await clients.CallAsync(
            TenantId,
            c => c.ListActionsAsync(new WireActionQuery { TicketId = EntityId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, cancellationToken));
        return new TicketActions([.. page.Items.Select(TicketMapper.ToRow).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)], page.Total);
    }
}
