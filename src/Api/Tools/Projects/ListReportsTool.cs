using HaloMcp.Grains.Projects;

namespace HaloMcp.Api.Tools.Projects;

/// <summary><c>halopsa_list_reports</c>: saved reports.</summary>
public sealed class ListReportsTool() : HaloTool<ItemList<ReportRow>>(
    "halopsa_list_reports",
    "List saved reports",
    "Lists the tenant's saved HaloPSA reports, optionally those whose name contains the search text.",
    ToolKind.Read,
    [Arg.Text("search", "Name contains this text.")],
    HaloToolJsonContext.Default.ItemListReportRow)
{
    /// <inheritdoc />
    protected override async Task<ItemList<ReportRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        ItemList<ReportRow>.Of(await context.ServiceDesk.ListReportsAsync(arguments.Text("search"), cancellationToken));

    /// <inheritdoc />
    protected override string Render(ItemList<ReportRow> result) =>
        ToolText.List("reports", result.Items, r => ToolText.Join($"#{r.Id} {r.Name}", r.Group, r.Description));
}
