using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Writes;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Reference;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Upstream;
using HaloMcp.Silo;
using HaloMcp.Silo.Cluster;
using Microsoft.Extensions.Options;
using WireActionQuery = HaloMcp.Grains.HaloPsa.Queries.ActionQuery;

namespace HaloMcp.Grains.Tickets;

/// <summary>
/// One ticket. Reads are cached for a short time; every write runs inside this grain's turn (and the cluster-wide
/// entity lock), so writes to one ticket reach HaloPSA one at a time in arrival order, and each write replaces or
/// drops what it makes stale.
/// </summary>
public sealed class TicketGrain(TenantHaloClients clients, IEntityLock entityLock, IOptions<ReferenceDataOptions> options) : Grain, ITicketGrain
{
    private (string TenantId, int TicketId) _key;
    private CachedValue<HaloTicket>? _ticket;
    private CachedValue<(IReadOnlyList<ActionRow> Newest, int Total)>? _actions;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = GrainKeys.ParseEntity(GetPrimaryKeyString());
        var ttl = options.Value.EntityTtl;
        _ticket = new CachedValue<HaloTicket>(ct => clients.CallAsync(_key.TenantId, c => c.GetTicketAsync(_key.TicketId, ct), ct), ttl, TimeProvider);
        _actions = new CachedValue<(IReadOnlyList<ActionRow>, int)>(LoadActionsAsync, ttl, TimeProvider);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<TicketDetail> GetAsync(bool includeActions, CancellationToken cancellationToken)
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
    }

    /// <inheritdoc />
    public async Task<TicketDetail> UpdateAsync(UpdateTicketCommand command, CancellationToken cancellationToken)
    {
        EnsureSameTicket(command.TicketId);
        if (!command.HasChanges)
        {
            throw new HaloOperationException(HaloFailureKind.Validation, "The update changes nothing.");
        }

        await using var held = await entityLock.AcquireAsync(GetPrimaryKeyString(), cancellationToken);
        var write = new HaloTicketWrite
        {
            Summary = command.Summary, Details = command.Details, StatusId = command.StatusId, PriorityId = command.PriorityId,
            TicketTypeId = command.TicketTypeId, TeamId = command.TeamId, AgentId = command.AgentId, SiteId = command.SiteId,
        };
        HaloTicket saved;
        try
        {
            saved = await clients.CallAsync(_key.TenantId, c => c.UpdateTicketAsync(_key.TicketId, write, cancellationToken), cancellationToken);
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

    /// <inheritdoc />
    public async Task<ActionRow> AddActionAsync(AddActionCommand command, CancellationToken cancellationToken)
    {
        EnsureSameTicket(command.TicketId);
        var outcome = await ResolveOutcomeAsync(command, cancellationToken);
        await using var held = await entityLock.AcquireAsync(GetPrimaryKeyString(), cancellationToken);
        var write = new HaloActionWrite
        {
            TicketId = _key.TicketId,
            OutcomeId = outcome.Id,
            Outcome = outcome.Name,
            Note = command.Note,
            TimeTaken = command.TimeTakenMinutes is { } minutes ? Math.Round(minutes / 60.0, 4) : null,
            HiddenFromUser = command.HiddenFromUser,
            NewStatus = command.NewStatusId,
        };
        ActionRow added;
        try
        {
            var saved = await clients.CallAsync(_key.TenantId, c => c.AddActionAsync(write, cancellationToken), cancellationToken);
            added = TicketMapper.ToRow(saved);
        }
        catch
        {
            // Whatever HaloPSA did, our copies may be stale now.
            _ticket!.Invalidate();
            _actions!.Invalidate();
            throw;
        }

        // The ticket changed in ways only HaloPSA knows (last action date, time taken, maybe its status): drop it. The
        // action list changed by exactly the action HaloPSA returned: put it at the head.
        _ticket!.Invalidate();
        var cap = options.Value.TicketActionCap;
        _actions!.Update(list => ([added, .. list.Newest.Take(cap - 1)], list.Total + 1));
        return added;
    }

    private async Task<OutcomeInfo> ResolveOutcomeAsync(AddActionCommand command, CancellationToken cancellationToken)
    {
        var outcomes = await GrainFactory.GetGrain<ITenantGrain>(_key.TenantId).GetOutcomesAsync(cancellationToken);
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
            _key.TenantId,
            c => c.ListActionsAsync(new WireActionQuery { TicketId = _key.TicketId, Page = 1, PageSize = HaloApiClient.MaxPageSize }, cancellationToken),
            cancellationToken);
        IReadOnlyList<ActionRow> newest = [.. page.Items.Select(TicketMapper.ToRow).OrderByDescending(a => a.Date).ThenByDescending(a => a.Id).Take(cap)];
        return (newest, page.Total);
    }

    private void EnsureSameTicket(int ticketId)
    {
        if (ticketId != _key.TicketId)
        {
            throw new ArgumentException($"Ticket {ticketId} was sent to the grain of ticket {_key.TicketId}.", nameof(ticketId));
        }
    }

}
