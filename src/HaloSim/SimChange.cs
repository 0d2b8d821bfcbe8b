using System.Text.Json.Nodes;

namespace HaloMcp.HaloSim;

/// <summary>
/// One committed change to one record, captured under the dataset's lock for the webhooks: copies of the record as a
/// GET by id answers it, before and after, and for an action its ticket before and after.
/// </summary>
/// <param name="Kind">The record's kind (tickets and projects are both HaloPSA <c>Faults</c>).</param>
/// <param name="Type">Created, updated or deleted.</param>
/// <param name="Record">The record after the change (for a delete: as it was).</param>
/// <param name="Before">The record before an update; null otherwise.</param>
/// <param name="Ticket">For an action: its ticket after the change.</param>
/// <param name="TicketBefore">For an action: its ticket before the change.</param>
internal sealed record SimChange(
    SimEntityKind Kind,
    SimChangeType Type,
    JsonObject Record,
    JsonObject? Before = null,
    JsonObject? Ticket = null,
    JsonObject? TicketBefore = null)
{
    public int Id => JsonFields.Int(Record, "id");
}
