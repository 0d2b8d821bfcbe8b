using HaloMcp.Grains.Customers;

namespace HaloMcp.Api.Tools.Customers;

/// <summary><c>halopsa_get_user</c>: one end user.</summary>
public sealed class GetUserTool() : HaloTool<UserDetail>(
    "halopsa_get_user",
    "Get an end user",
    "Reads one HaloPSA end user (contact): name, email, phones, job title, client and site.",
    ToolKind.Read,
    [Arg.Id("user_id", "The user's id.", required: true)],
    HaloToolJsonContext.Default.UserDetail)
{
    /// <inheritdoc />
    protected override Task<UserDetail> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Customers.GetUserAsync(arguments.RequiredInt("user_id"), cancellationToken);

    /// <inheritdoc />
    protected override string Render(UserDetail result) => CustomerText.Detail(result);
}
