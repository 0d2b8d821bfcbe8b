using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_list_contracts</c>: one page of client contracts.</summary>
public sealed class ListContractsTool() : HaloTool<PagedResult<ContractRow>>(
    "halopsa_list_contracts",
    "List client contracts",
    "Lists HaloPSA client contracts (service agreements) with their dates, status and charge per billing period; active ones only unless active_only is false.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's contracts."),
        Arg.Flag("active_only", "Only active contracts.", true),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultContractRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<ContractRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Billing.ListContractsAsync(
            new ContractQuery(arguments.Int("client_id"), arguments.Flag("active_only"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<ContractRow> result) => ToolText.Page("Contracts", result, BillingText.Row);
}
