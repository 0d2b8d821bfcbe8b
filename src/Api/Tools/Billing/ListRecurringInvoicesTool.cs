using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Paging;

namespace HaloMcp.Api.Tools.Billing;

/// <summary><c>halopsa_list_recurring_invoices</c>: one page of recurring invoice schedules.</summary>
public sealed class ListRecurringInvoicesTool() : HaloTool<PagedResult<RecurringInvoiceRow>>(
    "halopsa_list_recurring_invoices",
    "List recurring invoices",
    "Lists HaloPSA recurring invoice schedules (monthly recurring revenue): how often each invoices, its total, monthly and annual run-rate, and the next invoice date.",
    ToolKind.Read,
    [
        Arg.Id("client_id", "Only this client's schedules."),
        Arg.Flag("active_only", "Only schedules that still generate invoices.", false),
        .. Arg.Paging(),
    ],
    HaloToolJsonContext.Default.PagedResultRecurringInvoiceRow)
{
    /// <inheritdoc />
    protected override Task<PagedResult<RecurringInvoiceRow>> ExecuteAsync(ToolContext context, ToolArguments arguments, CancellationToken cancellationToken) =>
        context.Billing.ListRecurringInvoicesAsync(
            new RecurringInvoiceQuery(arguments.Int("client_id"), arguments.Flag("active_only"), arguments.IntOrDefault("page"), arguments.IntOrDefault("page_size")),
            cancellationToken);

    /// <inheritdoc />
    protected override string Render(PagedResult<RecurringInvoiceRow> result) => ToolText.Page("Recurring invoices", result, BillingText.Row);
}
