using HaloMcp.Grains.Activation;
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
/// One ticket (key: ticket id, tenant id as key extension). Reads are cached for a short time; every write runs in
/// this grain's turn, so writes to one ticket reach HaloPSA one at a time in arrival order, and each write replaces or
/// drops what it makes stale. A ticket HaloPSA does not have leaves no activation.
/// </summary>
public sealed class TicketGrain(
    TenantHaloClients clients,
    EntityActivations activations,
    IOptions<ReferenceDataOptions> options,
    TimeProvider time) : EntityGrain(activations), ITicketGrain
{
    private CachedValue<HaloTicket>? _ticket;
    private CachedValue<(IReadOnlyList<ActionRow> Newest, int Total)>? _actions;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        var ttl = options.Value.EntityTtl;
        _ticket = new CachedValue<HaloTicket>(ct => clients.CallAsync(TenantId, c => c.GetTicketAsync(EntityId, ct)), ttl, time);
        _actions = new CachedValue<(IReadOnlyList<ActionRow>, int)>(LoadActionsAsync, ttl, time);
    }

    /// <inheritdoc />
    public Task<TicketDetail> GetAsync(bool includeActions, CancellationToken cancellationToken) => UseAsync(async () =>
    {
        var ticketTask = _ticket!.GetAsync(cancellationToken);
        if (!includeActions)
        {
            return TicketMapper.ToDetail(await ticketTask, [], null);
        }

        // The two reads are independent; run them side by side.
        var actionsTask = _actions!.GetAsync(cancellationToken);
        var ticket = await ticketTask;
        var (newest, total) = await actionsTask;
        return TicketMapper.ToDetail(ticket, newest, total);
    });

    /// <inheritdoc />
    public Task<TicketDetail> UpdateAsync(UpdateTicketCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => UpdateInTurnAsync(command, cancellationToken));

    /// <inheritdoc />
    public Task<ActionRow> AddActionAsync(AddActionCommand command, CancellationToken cancellationToken) =>
        UseAsync(() => AddActionInTurnAsync(command, cancellationToken));

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

        // HaloPSA answers an update with the whole saved ticket: that is the freshest copy there is.
        _ticket!.Set(saved);
        return TicketMapper.ToDetail(saved, [], null);
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

        // The ticket changed in ways only HaloPSA knows (last action date, time taken, maybe its status): drop it. The
        // action list changed by exactly the action HaloPSA returned: put it at the head (unless it is there: a repeat
        // within the window answers the first action again).
        _ticket!.Invalidate();
        var cap = options.Value.TicketActionCap;
        _actions!.Update(list => list.Newest.Any(a => a.Id == added.Id) ? list : ([added, .. list.Newest.Take(cap - 1)], list.Total + 1));
        return added;
    }

    private async Task<OutcomeInfo> ResolveOutcomeAsync(AddActionCommand command, CancellationToken cancellationToken)
    {
        var outcomes = await GrainFactory.GetGrain<ITenantGrain>(TenantId).GetOutcomesAsync(cancellationToken);
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

    private async Task<(IReadOnlyList<ActionRow>, int)> LoadActionsAsync(CancellationToken cancellationToken)
    {
        // HaloPSA documents no order for /Actions, so one full page is read and the newest are kept: one request
        // for every ticket with up to 100 actions, whatever order the instance answers in.
        var cap = options.Value.TicketActionCap;
        var page = await clients.CallAsync(
            TenantId,
            c => c.ListActionsAsync(new WireActionQuery { TicketId = EntityId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, cancellationToken));
        IReadOnlyList<ActionRow> newest = [.. page.Items.Select(TicketMapper.ToRow).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(cap)];
        return (newest, page.Total);
    }
}
