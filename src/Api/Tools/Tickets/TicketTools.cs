using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Paging;
using HaloMcp.Grains.Tickets;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Tickets;

/// <summary>Tickets and their actions (notes, emails, time entries).</summary>
[McpServerToolType]
public sealed class TicketTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_tickets", Title = "List tickets", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists tickets, newest first.")]
    public Task<PagedResult<TicketRow>> ListTickets(
        [Range(1, int.MaxValue)] int? client_id = null,
        [Range(1, int.MaxValue)] int? site_id = null,
        [Range(1, int.MaxValue)] int? agent_id = null,
        [Range(1, int.MaxValue)] int? team_id = null,
        [Description("See halopsa_list_statuses."), Range(1, int.MaxValue)] int? status_id = null,
        [Description("See halopsa_list_priorities."), Range(1, int.MaxValue)] int? priority_id = null,
        [Description("See halopsa_list_ticket_types."), Range(1, int.MaxValue)] int? tickettype_id = null,
        bool open_only = false,
        [Description("Text in summary or details.")] string? search = null,
        [Description("Logged on or after.")] DateTimeOffset? date_from = null,
        [Description("Logged before.")] DateTimeOffset? date_to = null,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default)
    {
        DateRange.RequireOrdered(date_from, date_to);
        return grains.ServiceDesk.ListTicketsAsync(
            new TicketQuery(client_id, site_id, agent_id, team_id, status_id, priority_id, tickettype_id, open_only, search, date_from, date_to, page ?? 1, page_size),
            cancellationToken);
    }

    [McpServerTool(Name = "halopsa_get_ticket", Title = "Get a ticket", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one ticket with its newest actions.")]
    public Task<TicketDetail> GetTicket(
        [Range(1, int.MaxValue)] int ticket_id,
        [Description("Include the newest actions.")] bool include_actions = true,
        CancellationToken cancellationToken = default) =>
        grains.Ticket(ticket_id).GetAsync(include_actions, cancellationToken);

    [McpServerTool(Name = "halopsa_create_ticket", Title = "Create a ticket", Destructive = false, UseStructuredContent = true)]
    [ResultLeavesOut("actions", "actions_total", "from_cache", "age_seconds")]
    [Description("Creates a ticket; repeated within 10 minutes, it returns the first.")]
    public Task<TicketDetail> CreateTicket(
        string summary,
        [Range(1, int.MaxValue)] int client_id,
        [StringLength(ArgumentLimits.LongText)] string? details = null,
        [Range(1, int.MaxValue)] int? site_id = null,
        [Range(1, int.MaxValue)] int? user_id = null,
        [Range(1, int.MaxValue)] int? tickettype_id = null,
        [Range(1, int.MaxValue)] int? priority_id = null,
        [Range(1, int.MaxValue)] int? status_id = null,
        [Range(1, int.MaxValue)] int? team_id = null,
        [Range(1, int.MaxValue)] int? agent_id = null,
        CancellationToken cancellationToken = default) =>
        grains.Client(client_id).CreateTicketAsync(
            new CreateTicketCommand(summary, details, site_id, user_id, tickettype_id, priority_id, status_id, team_id, agent_id),
            cancellationToken);

    [McpServerTool(Name = "halopsa_update_ticket", Title = "Update a ticket", Idempotent = true, UseStructuredContent = true)]
    [ResultLeavesOut("actions", "actions_total", "from_cache", "age_seconds")]
    [Description("Changes the given fields of a ticket.")]
    public Task<TicketDetail> UpdateTicket(
        [Range(1, int.MaxValue)] int ticket_id,
        string? summary = null,
        [StringLength(ArgumentLimits.LongText)] string? details = null,
        [Range(1, int.MaxValue)] int? status_id = null,
        [Range(1, int.MaxValue)] int? priority_id = null,
        [Range(1, int.MaxValue)] int? tickettype_id = null,
        [Range(1, int.MaxValue)] int? team_id = null,
        [Range(1, int.MaxValue)] int? agent_id = null,
        [Range(1, int.MaxValue)] int? site_id = null,
        CancellationToken cancellationToken = default)
    {
        var command = new UpdateTicketCommand(summary, details, status_id, priority_id, tickettype_id, team_id, agent_id, site_id);
        if (!command.HasChanges)
        {
            throw new McpException("Give at least one field to change: summary, details, status_id, priority_id, tickettype_id, team_id, agent_id or site_id.");
        }

        return grains.Ticket(ticket_id).UpdateAsync(command, cancellationToken);
    }

    [McpServerTool(Name = "halopsa_add_ticket_action", Title = "Add a ticket action", Destructive = false, UseStructuredContent = true)]
    [Description("Adds a note, time worked or a status change to a ticket.")]
    public Task<ActionRow> AddTicketAction(
        [Range(1, int.MaxValue)] int ticket_id,
        [StringLength(ArgumentLimits.LongText)] string note,
        [Description("Outcome name or id, e.g. \"Phone Call\"."), StringLength(100)] string? outcome = null,
        [Description("Minutes worked."), Range(0, 24 * 60)] double? timetaken = null,
        bool hidden_from_user = true,
        [Description("Move the ticket to this status id."), Range(1, int.MaxValue)] int? new_status_id = null,
        CancellationToken cancellationToken = default)
    {
        // An outcome given as digits is its id; anything else is looked up by name.
        int? outcomeId = int.TryParse(outcome, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
        return grains.Ticket(ticket_id).AddActionAsync(
            new AddActionCommand(note, outcomeId is null ? outcome : null, outcomeId, timetaken, hidden_from_user, new_status_id),
            cancellationToken);
    }

    [McpServerTool(Name = "halopsa_list_actions", Title = "List actions", ReadOnly = true, UseStructuredContent = true)]
    [Description("Lists a ticket's, agent's or client's actions (notes, emails, time), newest first; without ticket_id, of the 15 latest active tickets.")]
    public Task<ActionPage> ListActions(
        [Range(1, int.MaxValue)] int? ticket_id = null,
        [Range(1, int.MaxValue)] int? agent_id = null,
        [Range(1, int.MaxValue)] int? client_id = null,
        [Description("On or after.")] DateTimeOffset? date_from = null,
        [Description("Before.")] DateTimeOffset? date_to = null,
        bool billable_only = false,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default)
    {
        DateRange.RequireOrdered(date_from, date_to);
        if (ticket_id is null && agent_id is null && client_id is null)
        {
            throw new McpException("Give at least one of 'ticket_id', 'agent_id' or 'client_id': HaloPSA lists actions per ticket, agent or client.");
        }

        return grains.ServiceDesk.ListActionsAsync(
            new ActionQuery(ticket_id, agent_id, client_id, date_from, date_to, billable_only, page ?? 1, page_size),
            cancellationToken);
    }
}
