using HaloMcp.Grains.Tenancy;

namespace HaloMcp.Grains.HaloPsa.Webhooks;

/// <summary>One occurrence of a delivery, read and classified.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Deleted">Whether the record was deleted (the payload then shows it as it was).</param>
/// <param name="Envelope">The occurrence as posted.</param>
/// <param name="Reference">For <see cref="HaloWebhookKind.Reference"/>: which reference data.</param>
public sealed record HaloWebhookOccurrence(HaloWebhookKind Kind, bool Deleted, HaloWebhookEnvelope Envelope, ReferenceKind? Reference = null)
{
    /// <summary>The ticket a ticket or action occurrence concerns: the ticket object's id, else the action's, else the occurrence's.</summary>
    public int TicketId =>
        Envelope.Ticket is { Id: > 0 } ticket ? ticket.Id
        : Envelope.Action is { TicketId: > 0 } action ? action.TicketId
        : Envelope.TicketId;
}
