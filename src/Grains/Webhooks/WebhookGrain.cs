using HaloMcp.Grains.Answers;
using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Diagnostics;
using HaloMcp.Grains.Errors;
using HaloMcp.Grains.HaloPsa.Webhooks;
using HaloMcp.Grains.Mapping;
using HaloMcp.Grains.Tenancy;
using HaloMcp.Grains.Tickets;
using Microsoft.Extensions.Logging;

namespace HaloMcp.Grains.Webhooks;

/// <summary>
/// A tenant's incoming webhooks (key: tenant id). It is not reentrant: deliveries are applied one at a time, in the
/// order they arrive, each occurrence to the grain that owns what it changed (ticket, client, reference data, revenue),
/// which replaces its copy with the one carried unless its own is newer, or drops what the change made stale. It reads
/// nothing from HaloPSA: a delivery costs no budget.
/// </summary>
public sealed partial class WebhookGrain(TenantMetrics metrics, TimeProvider time, ILogger<WebhookGrain> logger) : Grain, IWebhookGrain
{
    private string TenantId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<WebhookReceipt> ApplyAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        IReadOnlyList<HaloWebhookOccurrence> occurrences;
        try
        {
            occurrences = HaloWebhookReader.Read(delivery.Body);
        }
        catch (HaloWebhookFormatException ex)
        {
            metrics.WebhookDelivery(TenantId, malformed: true);
            LogMalformed(logger, TenantId, ex.Message);
            throw new HaloOperationException(HaloFailureKind.Validation, $"Malformed webhook delivery: {ex.Message} Nothing was applied.");
        }

        // Once read whole, the delivery is applied whole: a caller that gives up does not stop it half-way.
        var received = time.GetUtcNow();
        var applied = 0;
        foreach (var occurrence in occurrences)
        {
            var replaced = await ApplyAsync(occurrence, received);

            // Then the lists, searches and records that may show what changed.
            var dropped = await AnswersAfterAsync(occurrence);
            if (replaced || dropped > 0)
            {
                applied++;
            }
        }

        metrics.WebhookDelivery(TenantId, malformed: false, applied, occurrences.Count - applied);
        return new WebhookReceipt(occurrences.Count, applied, occurrences.Count - applied);
    }

    private Task<bool> ApplyAsync(HaloWebhookOccurrence o, DateTimeOffset received)
    {
        var e = o.Envelope;
        switch (o.Kind)
        {
            case HaloWebhookKind.Ticket:
                return Ticket(o.TicketId).ApplyAsync(o.Deleted
                    ? new TicketChange(null, received, TicketDeleted: true)
                    : new TicketChange(Copy(o), received));
            case HaloWebhookKind.Action:
                var action = e.Action is { } a ? TicketMapper.ToRow(a) with { TicketId = o.TicketId } : null;
                return Ticket(o.TicketId).ApplyAsync(new TicketChange(
                    e.Ticket is null ? null : Copy(o),
                    received,
                    Action: o.Deleted ? null : action,
                    DeletedActionId: o.Deleted ? action?.Id ?? e.EntityId : null));
            case HaloWebhookKind.Client:
                var clientId = e.Client?.Id is > 0 ? e.Client.Id : e.EntityId;
                return GrainFactory.GetGrain<IClientCache>(clientId, TenantId).ApplyAsync(o.Deleted
                    ? new ClientChange(null, ClientDeleted: true)
                    : new ClientChange(new ClientCopy(CustomerMapper.ToDetail(e.Client!, null), e.Timestamp ?? received)));
            case HaloWebhookKind.Site:
                return GrainFactory.GetGrain<IClientCache>(e.Site!.ClientId, TenantId).ApplyAsync(new ClientChange(null, SitesChanged: true));
            case HaloWebhookKind.Invoice:
                return Done(GrainFactory.GetGrain<IBillingCache>(TenantId).DropRevenueAsync((e.Invoice ?? e.RecurringInvoice)?.ClientId is > 0 and var id ? id : null));
            case HaloWebhookKind.Reference:
                return Done(GrainFactory.GetGrain<IReferenceCache>(TenantId).DropAsync(o.Reference!.Value));
            default:
                return Task.FromResult(false);
        }
    }

    // A ticket's lists take the ticket as its grain now holds it (the newest copy of all it saw); other kinds drop what shows them.
    private async Task<int> AnswersAfterAsync(HaloWebhookOccurrence o)
    {
        if (o.Kind is not (HaloWebhookKind.Ticket or HaloWebhookKind.Action))
        {
            return await AnswerChanges.DropAsync(GrainFactory, TenantId, AnswersShowing(o));
        }

        var deleted = o.Kind == HaloWebhookKind.Ticket && o.Deleted;
        var now = deleted ? null : await GrainFactory.GetGrain<ITicketCache>(o.TicketId, TenantId).PeekAsync(CancellationToken.None);
        return await AnswerChanges.TicketChangedAsync(GrainFactory, TenantId, o.TicketId, now, deleted);
    }

    // Which cached answers an occurrence may make stale: those showing its kind, and those carrying its names.
    private static AnswerKinds AnswersShowing(HaloWebhookOccurrence o) => o.Kind switch
    {
        HaloWebhookKind.Ticket or HaloWebhookKind.Action => AnswerKinds.Tickets,
        HaloWebhookKind.Client => AnswerKinds.All,
        HaloWebhookKind.Site => AnswerKinds.Sites | AnswerKinds.Users | AnswerKinds.Assets,
        HaloWebhookKind.User => AnswerKinds.Users | AnswerKinds.Assets,
        HaloWebhookKind.Asset => AnswerKinds.Assets,

        // Ticket rows carry status, priority and agent names; asset rows their type's.
        HaloWebhookKind.Reference => AnswerKinds.Tickets | AnswerKinds.Assets,
        _ => AnswerKinds.None,
    };

    // HaloPSA's last-update time orders ticket copies; an instance that does not send it has the change's own time.
    private static TicketCopy Copy(HaloWebhookOccurrence o)
    {
        var copy = TicketMapper.ToCopy(o.Envelope.Ticket!);
        return copy.Version is null ? copy with { Version = o.Envelope.Timestamp } : copy;
    }

    private ITicketCache Ticket(int ticketId) => GrainFactory.GetGrain<ITicketCache>(ticketId, TenantId);

    private static async Task<bool> Done(Task drop)
    {
        await drop;
        return true;
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "A webhook delivery for tenant {TenantId} was refused as malformed: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string tenantId, string problem);
}
