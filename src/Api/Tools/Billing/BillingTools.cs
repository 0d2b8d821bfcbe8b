using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using HaloMcp.Api.Mcp;
using HaloMcp.Grains.Billing;
using HaloMcp.Grains.Paging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HaloMcp.Api.Tools.Billing;

/// <summary>Contracts, invoices, recurring invoices, and recurring against one-off revenue.</summary>
[McpServerToolType]
public sealed class BillingTools(TenantGrains grains)
{
    [McpServerTool(Name = "halopsa_list_contracts", Title = "List contracts", ReadOnly = true, UseStructuredContent = true)]
    [ResultLeavesOut("from_cache", "age_seconds")]
    [Description("Lists client contracts.")]
    public Task<PagedResult<ContractRow>> ListContracts(
        [Range(1, int.MaxValue)] int? client_id = null,
        bool active_only = true,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Billing.ListContractsAsync(new ContractQuery(client_id, active_only, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_contract", Title = "Get a contract", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one contract.")]
    public Task<ContractDetail> GetContract(
        [Range(1, int.MaxValue)] int contract_id,
        CancellationToken cancellationToken = default) =>
        grains.Billing.GetContractAsync(contract_id, cancellationToken);

    [McpServerTool(Name = "halopsa_list_invoices", Title = "List invoices", ReadOnly = true, UseStructuredContent = true)]
    [ResultLeavesOut("from_cache", "age_seconds")]
    [Description("Lists one-off invoices (not from recurring schedules).")]
    public Task<PagedResult<InvoiceRow>> ListInvoices(
        [Range(1, int.MaxValue)] int? client_id = null,
        [Description("Invoice date on or after.")] DateTimeOffset? date_from = null,
        [Description("Invoice date before.")] DateTimeOffset? date_to = null,
        bool unpaid_only = false,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default)
    {
        DateRange.RequireOrdered(date_from, date_to);
        return grains.Billing.ListInvoicesAsync(new InvoiceQuery(client_id, date_from, date_to, unpaid_only, page ?? 1, page_size), cancellationToken);
    }

    [McpServerTool(Name = "halopsa_get_invoice", Title = "Get an invoice", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one invoice.")]
    public Task<InvoiceDetail> GetInvoice(
        [Range(1, int.MaxValue)] int invoice_id,
        CancellationToken cancellationToken = default) =>
        grains.Billing.GetInvoiceAsync(invoice_id, cancellationToken);

    [McpServerTool(Name = "halopsa_list_recurring_invoices", Title = "List recurring schedules", ReadOnly = true, UseStructuredContent = true)]
    [ResultLeavesOut("from_cache", "age_seconds")]
    [Description("Lists recurring invoice schedules.")]
    public Task<PagedResult<RecurringInvoiceRow>> ListRecurringInvoices(
        [Range(1, int.MaxValue)] int? client_id = null,
        bool active_only = false,
        [Range(1, int.MaxValue)] int? page = null,
        [Range(1, ArgumentLimits.MaxPageSize)] int page_size = 25,
        CancellationToken cancellationToken = default) =>
        grains.Billing.ListRecurringInvoicesAsync(new RecurringInvoiceQuery(client_id, active_only, page ?? 1, page_size), cancellationToken);

    [McpServerTool(Name = "halopsa_get_recurring_invoice", Title = "Get a recurring schedule", ReadOnly = true, UseStructuredContent = true)]
    [Description("Reads one recurring schedule.")]
    public Task<RecurringInvoiceDetail> GetRecurringInvoice(
        [Range(1, int.MaxValue)] int recurring_invoice_id,
        CancellationToken cancellationToken = default) =>
        grains.Billing.GetRecurringInvoiceAsync(recurring_invoice_id, cancellationToken);

    [McpServerTool(Name = "halopsa_revenue_breakdown", Title = "Recurring vs one-off revenue", ReadOnly = true, UseStructuredContent = true)]
    [Description("Recurring vs one-off revenue per client (gross, voids excluded), by default over the last 12 full months.")]
    public async Task<RevenueBreakdown> RevenueBreakdown(
        RequestContext<CallToolRequestParams> request,
        TimeProvider time,
        [Description("Client id; all clients when absent."), Range(1, int.MaxValue)] int? client_id = null,
        [Description("Invoice date on or after.")] DateTimeOffset? date_from = null,
        [Description("Invoice date before.")] DateTimeOffset? date_to = null,
        CancellationToken cancellationToken = default)
    {
        DateRange.RequireOrdered(date_from, date_to);
        var (from, to) = RevenuePeriod.Resolve(time.GetUtcNow(), date_from, date_to);
        DateRange.RequireOrdered(from, to);
        await using var progress = new RevenueProgressRelay(request, cancellationToken);
        await foreach (var update in grains.Billing.GetRevenueBreakdownAsync(new RevenueQuery(client_id, from, to), cancellationToken))
        {
            if (update.Result is { } breakdown)
            {
                return breakdown;
            }

            progress.OnProgress(update.Progress!);
        }

        throw new InvalidOperationException("The revenue breakdown ended without a result.");
    }
}
