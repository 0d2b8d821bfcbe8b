using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_list_clients</c>: one page of clients.</summary>
public sealed class ListClientsTool() : HaloTool<PagedResult<ClientRow>>(
    "halopsa_list_clients",
    "List clients",
    "Lists HaloPSA clients (customers) by name, optionally only those whose name contains the search text. Use halopsa_get_client for one client with its sites.",
    ToolKind.Read,
    [
        Arg.Text("search", "Name contains this text."),
        Arg.Flag("include_inactive", "Include inactive clients.", false),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultClientRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<ClientRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.ListClientsAsync(
            new ClientQuery(arguments.Text("search"), arguments.Flag("include_inactive"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<ClientRow> result) => ToolText.Page("Clients", result, CustomerText.Row);
}
