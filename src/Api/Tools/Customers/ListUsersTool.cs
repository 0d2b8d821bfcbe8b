using HaloMcp.Grains.Customers;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_list_users</c>: one page of end users (contacts).</summary>
public sealed class ListUsersTool() : HaloTool<PagedResult<UserRow>>(
    "halopsa_list_users",
    "List end users",
    "Lists HaloPSA end users (a client's contacts, not agents), optionally one client's or site's, optionally by name, email or phone.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's users."),
        Arg.Id("site_id", "Only this site's users."),
        Arg.Text("search", "Name, email or phone contains this text."),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultUserRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<UserRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.ListUsersAsync(
            new UserQuery(arguments.Int("client_id"), arguments.Int("site_id"), arguments.Text("search"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<UserRow> result) => ToolText.Page("Users", result, CustomerText.Row);
}
