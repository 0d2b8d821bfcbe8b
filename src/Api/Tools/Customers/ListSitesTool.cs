using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_list_sites</c>: one page of sites.</summary>
public sealed class ListSitesTool() : HaloTool<PagedResult<SiteRow>>(
    "halopsa_list_sites",
    "List sites",
    "Lists HaloPSA sites (a client's locations), optionally one client's, optionally by name.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's sites."),
        Arg.Text("search", "Name contains this text."),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultSiteRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<SiteRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.ListSitesAsync(
            new SiteQuery(arguments.Int("client_id"), arguments.Text("search"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<SiteRow> result) => ToolText.Page("Sites", result, CustomerText.Row);
}
