using System.Globalization;
using HaloMcp.Grains.HaloPsa.Errors;
using HaloMcp.Grains.HaloPsa.Json;
using HaloMcp.Grains.HaloPsa.Model;
using HaloMcp.Grains.HaloPsa.Queries;
using HaloMcp.Grains.HaloPsa.Writes;

namespace HaloMcp.Grains.HaloPsa;

/// <content>Tickets, actions and projects.</content>
public sealed partial class HaloApiClient
{
    /// <summary>Lists tickets (<c>GET /Tickets</c>, envelope <c>tickets</c>).</summary>
    public Task<HaloPage<HaloTicket>> ListTicketsAsync(TicketQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Tickets", HaloQueryParameters.For(query), query.Page, query.PageSize, "tickets", "ticket", HaloJsonContext.Default.HaloTicket, cancellationToken);

    /// <summary>Gets one ticket (<c>GET /Tickets/{id}</c>).</summary>
    /// <exception cref="HaloNotFoundException">No such ticket.</exception>
    public Task<HaloTicket> GetTicketAsync(int ticketId, CancellationToken cancellationToken) =>
        GetOneAsync("Tickets", "ticket", ticketId, HaloJsonContext.Default.HaloTicket, cancellationToken);

    /// <summary>Creates a ticket (<c>POST /Tickets</c> without an id). Never retried once sent.</summary>
    /// <exception cref="HaloWriteOutcomeUnknownException">HaloPSA may or may not have created it.</exception>
    public Task<HaloTicket> CreateTicketAsync(HaloTicketWrite ticket, CancellationToken cancellationToken)
    {
        if (ticket.Id is > 0)
        {
            throw new ArgumentException("A new ticket must not carry an id; use UpdateTicketAsync to change a ticket.", nameof(ticket));
        }

        return PostOneAsync("Tickets", "ticket", ticket with { Id = null }, null, HaloJsonContext.Default.HaloTicketWriteArray, HaloJsonContext.Default.HaloTicket, cancellationToken);
    }

    /// <summary>Updates a ticket: only the non-null fields of <paramref name="changes"/> are sent.</summary>
    /// <exception cref="HaloWriteOutcomeUnknownException">HaloPSA may or may not have applied it.</exception>
    public Task<HaloTicket> UpdateTicketAsync(int ticketId, HaloTicketWrite changes, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ticketId, 0);
        return PostOneAsync("Tickets", "ticket", changes with { Id = ticketId }, ticketId, HaloJsonContext.Default.HaloTicketWriteArray, HaloJsonContext.Default.HaloTicket, cancellationToken);
    }

    /// <summary>Lists actions (<c>GET /Actions</c>, envelope <c>actions</c>).</summary>
    public Task<HaloPage<HaloTicketAction>> ListActionsAsync(ActionQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Actions", HaloQueryParameters.For(query), query.Page, query.PageSize, "actions", "action", HaloJsonContext.Default.HaloTicketAction, cancellationToken);

    /// <summary>Gets one action; HaloPSA needs the ticket id alongside (<c>GET /Actions/{id}?ticket_id=</c>).</summary>
    public Task<HaloTicketAction> GetActionAsync(int ticketId, int actionId, CancellationToken cancellationToken) =>
        GetOneAsync("Actions", "action", actionId, HaloJsonContext.Default.HaloTicketAction, cancellationToken, new KeyValuePair<string, string>("ticket_id", ticketId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Adds an action to a ticket (<c>POST /Actions</c>). An outcome (name or id) is required;
    /// <see cref="HaloActionWrite.TimeTaken"/> is in hours.</summary>
    /// <exception cref="HaloValidationException">HaloPSA refused it (e.g. "An Outcome must be entered for this Action").</exception>
    /// <exception cref="HaloWriteOutcomeUnknownException">HaloPSA may or may not have added it.</exception>
    public Task<HaloTicketAction> AddActionAsync(HaloActionWrite action, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(action.TicketId, 0);
        return PostOneAsync("Actions", "action", action, null, HaloJsonContext.Default.HaloActionWriteArray, HaloJsonContext.Default.HaloTicketAction, cancellationToken);
    }

    /// <summary>Lists projects (<c>GET /Projects</c>, envelope <c>tickets</c>).</summary>
    public Task<HaloPage<HaloProject>> ListProjectsAsync(ProjectQuery query, CancellationToken cancellationToken) =>
        GetPageAsync("Projects", HaloQueryParameters.For(query), query.Page, query.PageSize, "tickets", "project", HaloJsonContext.Default.HaloProject, cancellationToken);

    /// <summary>Gets one project (<c>GET /Projects/{id}</c>).</summary>
    public Task<HaloProject> GetProjectAsync(int projectId, CancellationToken cancellationToken) =>
        GetOneAsync("Projects", "project", projectId, HaloJsonContext.Default.HaloProject, cancellationToken);
}
