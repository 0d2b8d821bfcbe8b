using HaloMcp.Api.Tools.Assets;
using HaloMcp.Api.Tools.Billing;
using HaloMcp.Api.Tools.Customers;
using HaloMcp.Api.Tools.Projects;
using HaloMcp.Api.Tools.Reference;
using HaloMcp.Api.Tools.Search;
using HaloMcp.Api.Tools.Tickets;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools;

/// <summary>Every tool of the HaloPSA catalogue (<c>tools.md</c>), in the order <c>tools/list</c> shows them.</summary>
public static class ToolCatalog
{
    /// <summary>Creates the catalogue's tools.</summary>
    public static IReadOnlyList<McpServerTool> Create() =>
    [
        new ListTicketsTool(),
        new GetTicketTool(),
        new CreateTicketTool(),
        new UpdateTicketTool(),
        new AddTicketActionTool(),
        new ListActionsTool(),
        new ListClientsTool(),
        new GetClientTool(),
        new CreateClientTool(),
        new ListSitesTool(),
        new GetSiteTool(),
        new ListUsersTool(),
        new GetUserTool(),
        new ListAssetsTool(),
        new GetAssetTool(),
        new CreateAssetTool(),
        new ListAgentsTool(),
        new GetAgentTool(),
        new ListTeamsTool(),
        new ListTicketTypesTool(),
        new ListStatusesTool(),
        new ListPrioritiesTool(),
        new ListAssetTypesTool(),
        new ListOutcomesTool(),
        new SearchTool(),
        new ListContractsTool(),
        new GetContractTool(),
        new ListInvoicesTool(),
        new GetInvoiceTool(),
        new ListRecurringInvoicesTool(),
        new GetRecurringInvoiceTool(),
        new ListProjectsTool(),
        new GetProjectTool(),
        new ListReportsTool(),
        new RevenueBreakdownTool(),
    ];
}
